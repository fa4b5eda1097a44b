import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-sqlite'

// Changes nothing: three migrations were written on branches at the same time (broadcasts,
// china_sign_in_wecom, redirects_allow_offsite), and each one's schema snapshot lacked the others'
// tables. This migration carries the snapshot of the merged schema (its .json), so that the next
// `migrate:create` compares against the whole schema.
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
