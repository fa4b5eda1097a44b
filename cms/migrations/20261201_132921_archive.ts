import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_consent_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`member_id\` integer,
  	\`lead_id\` integer,
  	\`topic\` text NOT NULL,
  	\`subscribed\` integer DEFAULT false NOT NULL,
  	\`source\` text NOT NULL,
  	\`at\` text NOT NULL,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`lead_id\`) REFERENCES \`leads\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  // drizzle-kit copies lead_id from the old table, which has none: the new column starts empty.
  await db.run(sql`INSERT INTO \`__new_consent_log\`("id", "member_id", "lead_id", "topic", "subscribed", "source", "at") SELECT "id", "member_id", NULL, "topic", "subscribed", "source", "at" FROM \`consent_log\`;`)
  await db.run(sql`DROP TABLE \`consent_log\`;`)
  await db.run(sql`ALTER TABLE \`__new_consent_log\` RENAME TO \`consent_log\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`consent_log_member_idx\` ON \`consent_log\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`consent_log_lead_idx\` ON \`consent_log\` (\`lead_id\`);`)
  await db.run(sql`CREATE INDEX \`consent_log_at_idx\` ON \`consent_log\` (\`at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_consent_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`member_id\` integer NOT NULL,
  	\`topic\` text NOT NULL,
  	\`subscribed\` integer DEFAULT false NOT NULL,
  	\`source\` text NOT NULL,
  	\`at\` text NOT NULL,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_consent_log\`("id", "member_id", "topic", "subscribed", "source", "at") SELECT "id", "member_id", "topic", "subscribed", "source", "at" FROM \`consent_log\`;`)
  await db.run(sql`DROP TABLE \`consent_log\`;`)
  await db.run(sql`ALTER TABLE \`__new_consent_log\` RENAME TO \`consent_log\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`consent_log_member_idx\` ON \`consent_log\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`consent_log_at_idx\` ON \`consent_log\` (\`at\`);`)
}
