// Relative imports only in this file and what it imports: Vite (the site's bundler) does not
// resolve the `@/` path aliases Next would.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig, type Config } from 'payload'
import sharp from 'sharp'

import { IMAGE_UPLOAD_LIMITS, tooLargeMessage } from '../functions/content/image-upload'
import { LOCALES } from '../functions/content/locales'
import { roleOf } from './access/roles'
import { ensureNewsletterSegment } from './broadcasts/segments'
import { resendWebhookEndpoint } from './broadcasts/webhook'
import { BroadcastDeliveries, BroadcastEvents, Broadcasts, Segments, Suppressions } from './collections/broadcasts'
import { CampaignLinks } from './collections/CampaignLinks'
import { Categories } from './collections/Categories'
import { Forms } from './collections/Forms'
import { IntakeCounters } from './collections/IntakeCounters'
import { LeadDeliveries } from './collections/LeadDeliveries'
import { LeadFiles } from './collections/LeadFiles'
import { Leads } from './collections/Leads'
import { LinkClicks } from './collections/LinkClicks'
import { LiveCodes } from './collections/LiveCodes'
import { Media } from './collections/Media'
import {
  AuditLog,
  ConsentLog,
  MemberCodes,
  MemberIdentities,
  Members,
  MemberSessions,
  PointsLedger,
  Rewards,
  ThrottleCounters,
  Tiers,
  Topics,
} from './collections/members'
import { LeadActivity, ScoreChanges, ScoringRules, SequenceEmails, SequenceEnrolments, Sequences } from './collections/nurture'
import { Outbox } from './collections/Outbox'
import { Pages } from './collections/Pages'
import { Posts } from './collections/Posts'
import { Redirects } from './collections/Redirects'
import { Submissions } from './collections/Submissions'
import { Teams } from './collections/Teams'
import { Touches } from './collections/Touches'
import { Users } from './collections/Users'
import { WechatAdds } from './collections/WechatAdds'
import { databaseAdapter, usesMongo } from './database'
import { richTextEditor } from './editor'
import { emailAdapter } from './email/adapter'
import { funnelCsvEndpoint } from './endpoints/funnelCsv'
import { retryJobEndpoint } from './endpoints/retryJob'
import { cmsUrl, payloadSecret } from './environment'
import { FUNNEL_VIEW_PATH } from './funnel'
import { ContentVersion } from './globals/ContentVersion'
import { Footer } from './globals/Footer'
import { Header } from './globals/Header'
import { ScoringSettings } from './globals/ScoringSettings'
import { SiteSettings } from './globals/SiteSettings'
import { autorespond } from './jobs/autorespond'
import { notifyLead } from './jobs/notifyLead'
import { JOBS_VIEW_PATH } from './jobs/paths'
import { rebuildSearchIndex } from './jobs/rebuildSearchIndex'
import { sendBroadcastTask } from './jobs/sendBroadcast'
import { sendDownload } from './jobs/sendDownload'
import { sendMemberCode } from './jobs/sendMemberCode'
import { sendNewsletterConfirmation } from './jobs/sendNewsletterConfirmation'
import { sendPhoneCode } from './jobs/sendPhoneCode'
import { sendWebhook } from './jobs/sendWebhook'
import { tracked } from './jobs/tracked'
import { payloadLogger } from './logging'
import { ensureMongoIndexes } from './mongo/indexes'
import { sendSequenceStep } from './nurture/jobs'
import { notifyQualified } from './nurture/notify-qualified'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  admin: {
    user: Users.slug,
    meta: { titleSuffix: '· Brand CMS' },
    importMap: { baseDir: dirname, importMapFile: path.resolve(dirname, 'app/(payload)/admin/importMap.js') },
    components: {
      // The channel funnel: a page of its own in the admin, linked from the side navigation.
      // Background jobs not yet done, with a retry button: for admins.
      views: {
        funnel: { Component: '/components/funnel/FunnelView#FunnelView', path: FUNNEL_VIEW_PATH, exact: true },
        jobs: { Component: '/components/jobs/JobsView#JobsView', path: JOBS_VIEW_PATH, exact: true },
      },
      afterNavLinks: ['/components/funnel/FunnelNavLink#FunnelNavLink', '/components/jobs/JobsNavLink#JobsNavLink'],
    },
  },
  collections: [
    Pages,
    Posts,
    Categories,
    Media,
    Forms,
    Leads,
    LeadDeliveries,
    Submissions,
    LeadFiles,
    Teams,
    IntakeCounters,
    Touches,
    CampaignLinks,
    LinkClicks,
    Outbox,
    Redirects,
    Users,
    WechatAdds,
    LiveCodes,
    Members,
    MemberSessions,
    MemberCodes,
    MemberIdentities,
    PointsLedger,
    Tiers,
    Rewards,
    Topics,
    ConsentLog,
    AuditLog,
    ThrottleCounters,
    Segments,
    Broadcasts,
    BroadcastDeliveries,
    BroadcastEvents,
    Suppressions,
    LeadActivity,
    ScoringRules,
    ScoreChanges,
    Sequences,
    SequenceEnrolments,
    SequenceEmails,
  ],
  globals: [SiteSettings, Header, Footer, ContentVersion, ScoringSettings],
  // SQLite seeds the newsletter segment and declares its indexes in its migrations; MongoDB has
  // none to run, so every process builds the indexes its guarantees rest on as it starts.
  onInit: async (payload) => {
    if (!usesMongo) return
    await ensureMongoIndexes(payload)
    await ensureNewsletterSegment(payload)
  },
  // A cookie name of its own, so that no other auth collection's cookie is ever read as a CMS user's.
  cookiePrefix: 'cms',
  // Only the CMS's own origin is trusted with credentials: the site reads and writes through the
  // Local API in its own process, so a script on the site (or a page under its domain) gains
  // nothing from the CMS cookie.
  cors: [cmsUrl],
  csrf: [cmsUrl],
  db: databaseAdapter(),
  editor: richTextEditor,
  endpoints: [funnelCsvEndpoint, retryJobEndpoint, resendWebhookEndpoint],
  email: emailAdapter,
  i18n: { supportedLanguages: { en, zh }, fallbackLanguage: 'en' },
  localization: {
    locales: LOCALES.map((l) => ({ code: l.code, label: l.label })),
    defaultLocale: 'zh-CN',
    fallback: true,
  },
  jobs: {
    // Payload's REST endpoints for jobs (/api/payload-jobs/run and friends) are open to every CMS
    // user by default: a run there would take jobs outside the worker's lease. The worker runs jobs
    // through the Local API, which skips these checks; admins retry through /api/jobs/:id/retry.
    access: { run: () => false, queue: ({ req }) => roleOf(req) === 'admin', cancel: ({ req }) => roleOf(req) === 'admin' },
    // Only the jobs worker (scripts/worker.ts) runs jobs; the CMS and site processes only queue them.
    // tracked: the worker knows which jobs it holds (their lease, see jobs/lease.ts) and logs a failed attempt in one line.
    tasks: [
      tracked(notifyLead),
      tracked(autorespond),
      tracked(sendWebhook),
      tracked(sendDownload),
      tracked(rebuildSearchIndex),
      tracked(sendMemberCode),
      tracked(sendNewsletterConfirmation),
      tracked(sendPhoneCode),
      tracked(sendBroadcastTask),
      tracked(notifyQualified),
      tracked(sendSequenceStep),
    ],
    // Every second, up to 100 jobs at once (their emails share Resend batch requests): a lead's
    // email should reach sales within seconds of the submission, during a campaign's burst too.
    // Payload's own error log (the whole job as JSON) is silenced: tracked() logs one line instead.
    autoRun: [{ cron: '* * * * * *', queue: 'default', limit: 100, silent: { error: true } }],
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
  // LOG_FORMAT=json: one JSON line per event (cms/logging.ts); otherwise Payload's readable lines.
  logger: payloadLogger(),
  // The committed types are SQLite's (numeric ids). Payload regenerates them at every start outside
  // production, in a child process that loads this whole config again: that is worth it in
  // `npm run dev`, where collections change, and nowhere else (every Vitest file and bench starts
  // Payload, and each start spawned one more generator). On MongoDB it would rewrite them with
  // string ids, so it never does there.
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: process.env.NODE_ENV === 'development' && !usesMongo },
})
