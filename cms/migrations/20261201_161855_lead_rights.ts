import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text NOT NULL,
  	\`member_id\` text,
  	\`lead_id\` text,
  	\`actor\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`details\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_audit_log\`("id", "action", "member_id", "lead_id", "actor", "at", "details") SELECT "id", "action", "member_id", NULL, "actor", "at", "details" FROM \`audit_log\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`ALTER TABLE \`__new_audit_log\` RENAME TO \`audit_log\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`audit_log_member_id_idx\` ON \`audit_log\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_lead_id_idx\` ON \`audit_log\` (\`lead_id\`);`)
  await db.run(sql`ALTER TABLE \`consent_log\` ADD \`note\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text NOT NULL,
  	\`member_id\` text NOT NULL,
  	\`actor\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`details\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_audit_log\`("id", "action", "member_id", "actor", "at", "details") SELECT "id", "action", "member_id", "actor", "at", "details" FROM \`audit_log\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`ALTER TABLE \`__new_audit_log\` RENAME TO \`audit_log\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`audit_log_member_id_idx\` ON \`audit_log\` (\`member_id\`);`)
  await db.run(sql`ALTER TABLE \`consent_log\` DROP COLUMN \`note\`;`)
}
