// Relative imports only in this file and what it imports: Vite (the site's bundler) does not
// resolve the `@/` path aliases Next would.
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type Config } from 'payload'
import sharp from 'sharp'

import { CampaignLinks } from './collections/CampaignLinks'
import { Categories } from './collections/Categories'
import { Forms } from './collections/Forms'
import { IntakeCounters } from './collections/IntakeCounters'
import { LeadFiles } from './collections/LeadFiles'
import { LinkClicks } from './collections/LinkClicks'
import { Leads } from './collections/Leads'
import { Outbox } from './collections/Outbox'
import { Submissions } from './collections/Submissions'
import { Media } from './collections/Media'
import { Pages } from './collections/Pages'
import { Posts } from './collections/Posts'
import { Redirects } from './collections/Redirects'
import { Teams } from './collections/Teams'
import { Touches } from './collections/Touches'
import { Users } from './collections/Users'
import { BroadcastDeliveries, BroadcastEvents, Broadcasts, Segments, Suppressions } from './collections/broadcasts'
import { AuditLog, ConsentLog, MemberCodes, Members, MemberSessions, PointsLedger, Rewards, ThrottleCounters, Tiers, Topics } from './collections/members'
import { ensureNewsletterSegment } from './broadcasts/segments'
import { resendWebhookEndpoint } from './broadcasts/webhook'
import { databaseAdapter, usesMongo } from './database'
import { emailAdapter } from './email/adapter'
import { funnelCsvEndpoint } from './endpoints/funnelCsv'
import { FUNNEL_VIEW_PATH } from './funnel'
import { autorespond } from './jobs/autorespond'
import { notifyLead } from './jobs/notifyLead'
import { sendMemberCode } from './jobs/sendMemberCode'
import { rebuildSearchIndex } from './jobs/rebuildSearchIndex'
import { sendWebhook } from './jobs/sendWebhook'
import { sendBroadcastTask } from './jobs/sendBroadcast'
import { cmsUrl, payloadSecret, siteUrl } from './environment'
import { ContentVersion } from './globals/ContentVersion'
import { Footer } from './globals/Footer'
import { Header } from './globals/Header'
import { SiteSettings } from './globals/SiteSettings'
import { LOCALES } from '../functions/content/locales'
import { IMAGE_UPLOAD_LIMITS, tooLargeMessage } from '../functions/content/image-upload'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  admin: {
    user: Users.slug,
    meta: { titleSuffix: '· Brand CMS' },
    importMap: { baseDir: dirname, importMapFile: path.resolve(dirname, 'app/(payload)/admin/importMap.js') },
    components: {
      // The channel funnel: a page of its own in the admin, linked from the side navigation.
      views: { funnel: { Component: '/components/funnel/FunnelView#FunnelView', path: FUNNEL_VIEW_PATH, exact: true } },
      afterNavLinks: ['/components/funnel/FunnelNavLink#FunnelNavLink'],
    },
  },
  collections: [
    Pages, Posts, Categories, Media, Forms, Leads, Submissions, LeadFiles, Teams, IntakeCounters, Touches, CampaignLinks, LinkClicks, Outbox, Redirects, Users,
    Members, MemberSessions, MemberCodes, PointsLedger, Tiers, Rewards, Topics, ConsentLog, AuditLog, ThrottleCounters,
    Segments, Broadcasts, BroadcastDeliveries, BroadcastEvents, Suppressions,
  ],
  globals: [SiteSettings, Header, Footer, ContentVersion],
  // SQLite seeds the newsletter segment in its migration; MongoDB has none to run.
  onInit: async (payload) => {
    if (usesMongo) await ensureNewsletterSegment(payload)
  },
  // A cookie name of its own, so that no other auth collection's cookie is ever read as a CMS user's.
  cookiePrefix: 'cms',
  cors: [siteUrl, cmsUrl],
  csrf: [siteUrl, cmsUrl],
  db: databaseAdapter(),
  editor: lexicalEditor(),
  endpoints: [funnelCsvEndpoint, resendWebhookEndpoint],
  email: emailAdapter,
  i18n: { supportedLanguages: { en, zh }, fallbackLanguage: 'en' },
  localization: {
    locales: LOCALES.map((l) => ({ code: l.code, label: l.label })),
    defaultLocale: 'zh-CN',
    fallback: true,
  },
  jobs: {
    // Only the jobs worker (scripts/worker.ts) runs jobs; the CMS and site processes only queue them.
    tasks: [notifyLead, autorespond, sendWebhook, rebuildSearchIndex, sendMemberCode, sendBroadcastTask],
    // Every second: a lead's email should reach sales within seconds of the submission.
    autoRun: [{ cron: '* * * * * *', queue: 'default', limit: 50 }],
    shouldAutoRun: () => process.env.PAYLOAD_JOBS_WORKER === 'true',
  },
  secret: payloadSecret(),
  sharp,
  telemetry: false,
  // The multipart parser stops reading a file at the media library's limit and answers 413 with
  // the same words the upload check uses (Payload's own default limit is the same 20 MB).
  upload: { limits: { fileSize: IMAGE_UPLOAD_LIMITS.maxBytes }, responseOnLimit: tooLargeMessage() },
  // A refused upload is the editor's mistake, not the server's: log it as info, like Payload's own
  // 4xx errors. Payload looks the level up by error name at run time; its type lists only its own names.
  loggingLevels: { UploadRefused: 'info' } as Config['loggingLevels'],
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
})
