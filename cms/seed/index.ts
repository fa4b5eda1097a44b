// The demo brand and the first admin: what `npm run seed` (scripts/seed.ts) writes.
import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import { BRAND_NAME, resetGlobals, seedNavigation, seedSiteSettings } from './brand'
import { seedCampaignLinks } from './campaign-links'
import { seedCategories } from './categories'
import { seedForms } from './forms'
import { SEED_CONTEXT } from './localized'
import { seedMedia } from './media'
import { seedPages } from './pages'
import { seedPosts } from './posts'
import { seedWhitePaper } from './white-paper'

type Log = (message: string) => void
type Env = Record<string, string | undefined>

/** The collections the demo content lives in, in an order that deletes referrers before what they refer to. */
const CONTENT_COLLECTIONS = [
  'touches',
  'link-clicks',
  'campaign-links',
  'submissions',
  'leads',
  'pages',
  'forms',
  'posts',
  'categories',
  'media',
  'outbox',
] as const

/** True when the database holds no pages and no users: a new install. */
export async function isDatabaseEmpty(payload: Payload): Promise<boolean> {
  const [pages, users] = await Promise.all([payload.count({ collection: 'pages' }), payload.count({ collection: 'users' })])
  return pages.totalDocs === 0 && users.totalDocs === 0
}

/** A random password for a generated account: 20 characters of base64url (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url')
}

/**
 * Creates the first admin when no user has the admin role: `ADMIN_EMAIL` (default admin@example.com)
 * with `ADMIN_PASSWORD`, or a random password returned for the caller to show once. Returns null when
 * an admin exists. There is never a default password, and a generated one is never written anywhere.
 */
export async function ensureFirstAdmin(payload: Payload, env: Env, log: Log): Promise<{ email: string; password?: string } | null> {
  const admins = await payload.count({ collection: 'users', where: { role: { equals: 'admin' } } })
  if (admins.totalDocs > 0) return null

  const email = (env.ADMIN_EMAIL || 'admin@example.com').trim().toLowerCase()
  const taken = await payload.count({ collection: 'users', where: { email: { equals: email } } })
  if (taken.totalDocs > 0) {
    throw new Error(
      `No admin exists, and the account for ADMIN_EMAIL is not an admin. ` +
        'Set ADMIN_EMAIL to an address no user has yet, and run the seed again.',
    )
  }
  const given = env.ADMIN_PASSWORD || undefined
  const password = given ?? generatePassword()
  await payload.create({
    collection: 'users',
    data: { email, password, name: 'Admin', role: 'admin' },
    depth: 0,
    context: SEED_CONTEXT,
  })
  log(`Created the first admin, ${email}.`)
  return given ? { email } : { email, password }
}

/**
 * Creates the demo editor (editor@example.com) and sales user (sales@example.com) when
 * `SEED_DEMO_USERS_PASSWORD` is set (the browser tests sign in with them); otherwise does nothing.
 * Existing accounts are left as they are.
 */
export async function ensureDemoUsers(payload: Payload, env: Env, log: Log): Promise<void> {
  const password = env.SEED_DEMO_USERS_PASSWORD
  if (!password) return
  const demo = [
    { email: 'editor@example.com', name: '林编辑 (Editor)', role: 'editor' },
    { email: 'sales@example.com', name: '王销售 (Sales)', role: 'sales' },
  ] as const
  for (const user of demo) {
    const exists = await payload.count({ collection: 'users', where: { email: { equals: user.email } } })
    if (exists.totalDocs > 0) continue
    await payload.create({ collection: 'users', data: { ...user, password }, depth: 0, context: SEED_CONTEXT })
    log(`Created the demo ${user.role}, ${user.email}.`)
  }
}

/** The demo editor when there is one, else the first admin: who the demo posts are by. */
async function findAuthor(payload: Payload): Promise<number | null> {
  for (const role of ['editor', 'admin'] as const) {
    const { docs } = await payload.find({ collection: 'users', where: { role: { equals: role } }, sort: 'createdAt', limit: 1, depth: 0 })
    if (docs[0]) return docs[0].id
  }
  return null
}

/** Writes the demo brand into the database: media, categories, posts, pages, settings and navigation. */
export async function seedDemo(payload: Payload, { log }: { log: Log }): Promise<void> {
  log(`Seeding the demo brand ${BRAND_NAME['zh-CN']} / ${BRAND_NAME.en}…`)
  const media = await seedMedia(payload)
  log(`  ${Object.keys(media).length} images`)
  await seedSiteSettings(payload, media)
  const categories = await seedCategories(payload)
  const author = await findAuthor(payload)
  await seedPosts(payload, { media, categories, author })
  log(`  ${Object.keys(categories).length} categories and their posts`)
  const forms = await seedForms(payload, await seedWhitePaper(payload))
  log('  1 white paper (PDF), offered on the landing page /campaigns/white-paper')
  const pages = await seedPages(payload, media, forms)
  await seedNavigation(payload, pages)
  log(`  ${Object.keys(pages).length} pages, header and footer`)
  await seedCampaignLinks(payload, pages, media)
  log('  4 campaign links (/go/wx-spring, /go/xhs-note, /go/poster, /go/li-launch)')
}

/** Deletes every page, post, category and media file and empties the globals; users are kept. */
export async function resetDatabase(payload: Payload): Promise<void> {
  // Globals first: they refer to pages and media.
  await resetGlobals(payload)
  for (const collection of CONTENT_COLLECTIONS) {
    await payload.delete({ collection, where: { id: { exists: true } }, depth: 0, context: SEED_CONTEXT })
  }
}
