import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`forms\` ADD \`success_action\` text DEFAULT 'message';`)
  await db.run(sql`ALTER TABLE \`forms\` ADD \`download_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`forms_download_idx\` ON \`forms\` (\`download_id\`);`)
  await db.run(sql`ALTER TABLE \`sequence_enrolments\` ADD \`problem\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_forms\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`redirect_id\` integer,
  	\`default_recipient\` text NOT NULL,
  	\`autoresponder_enabled\` integer,
  	\`webhook_url\` text,
  	\`webhook_secret\` text,
  	\`min_seconds_to_submit\` numeric DEFAULT 3,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`redirect_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_forms\`("id", "redirect_id", "default_recipient", "autoresponder_enabled", "webhook_url", "webhook_secret", "min_seconds_to_submit", "updated_at", "created_at") SELECT "id", "redirect_id", "default_recipient", "autoresponder_enabled", "webhook_url", "webhook_secret", "min_seconds_to_submit", "updated_at", "created_at" FROM \`forms\`;`)
  await db.run(sql`DROP TABLE \`forms\`;`)
  await db.run(sql`ALTER TABLE \`__new_forms\` RENAME TO \`forms\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`forms_redirect_idx\` ON \`forms\` (\`redirect_id\`);`)
  await db.run(sql`CREATE INDEX \`forms_updated_at_idx\` ON \`forms\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`forms_created_at_idx\` ON \`forms\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`sequence_enrolments\` DROP COLUMN \`problem\`;`)
}
