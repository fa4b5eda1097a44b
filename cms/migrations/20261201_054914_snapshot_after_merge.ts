import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-sqlite'

// Changes nothing: two migrations were written on branches at the same time
// (20261201_050730_china_sign_in_wecom and 20261201_051224_redirects_allow_offsite), and the later
// one's schema snapshot lacked the earlier one's tables. This migration carries the snapshot of the
// merged schema (its .json), so that the next `migrate:create` compares against the whole schema.
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
