// `npm run seed`: applies pending migrations, creates the first admin when there is none, and
// writes the demo brand.
//   --reset     empties the content (users are kept), then seeds
//   --if-empty  seeds only a new install (no pages and no users); `npm start` runs this
// Without a flag the demo brand is written into whatever is there.

// Outside Next, getPayload would otherwise open a socket to Next's dev reload endpoint; it must be
// set before payload is imported, hence the dynamic imports below.
process.env.DISABLE_PAYLOAD_HMR = 'true'

const args = new Set(process.argv.slice(2))
const log = (message: string) => console.log(message)

async function main(): Promise<void> {
  const unknown = [...args].filter((a) => a !== '--reset' && a !== '--if-empty')
  if (unknown.length > 0 || (args.has('--reset') && args.has('--if-empty'))) {
    throw new Error('Usage: tsx scripts/seed.ts [--reset | --if-empty]')
  }
  const started = Date.now()
  const { getPayload } = await import('payload')
  const { default: config } = await import('../cms/payload.config')
  const { migrateDatabase } = await import('../cms/database')
  const seed = await import('../cms/seed')

  const payload = await getPayload({ config })
  await migrateDatabase(payload)

  // Asked before the first admin is created, which would make any database look used.
  const empty = await seed.isDatabaseEmpty(payload)

  const admin = await seed.ensureFirstAdmin(payload, process.env, log)
  if (admin?.password) console.log(`\nFirst admin: ${admin.email}  password: ${admin.password}  (shown once; change it in the admin)\n`)
  await seed.ensureDemoUsers(payload, process.env, log)

  if (args.has('--if-empty') && !empty) {
    log('The database already has content; the demo brand was not seeded.')
    return
  }
  if (args.has('--reset')) {
    log('Deleting pages, posts, categories and media (users are kept)…')
    await seed.resetDatabase(payload)
  } else if ((await payload.count({ collection: 'pages' })).totalDocs > 0) {
    throw new Error(
      'The database already has pages, so the demo brand was not written over them. ' +
        'Run with --reset to replace all content (users are kept).',
    )
  }
  await seed.seedDemo(payload, { log })
  log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
}

// Payload keeps database and job handles open, so the process is ended explicitly either way.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`)
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack)
    process.exit(1)
  },
)
