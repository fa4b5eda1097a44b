import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`member_topic_at_idx\` ON \`consent_log\` (\`member_id\`,\`topic\`,\`at\`);`)
  await db.run(sql`CREATE INDEX \`lead_topic_at_idx\` ON \`consent_log\` (\`lead_id\`,\`topic\`,\`at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`member_topic_at_idx\`;`)
  await db.run(sql`DROP INDEX \`lead_topic_at_idx\`;`)
}
