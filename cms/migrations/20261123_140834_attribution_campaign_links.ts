import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`touches\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`visitor\` text,
  	\`at\` text NOT NULL,
  	\`channel\` text NOT NULL,
  	\`source\` text,
  	\`medium\` text,
  	\`campaign\` text,
  	\`content\` text,
  	\`term\` text,
  	\`referrer\` text,
  	\`landing_page\` text,
  	\`campaign_link\` text,
  	\`referral_code\` text,
  	\`lead_id\` integer,
  	FOREIGN KEY (\`lead_id\`) REFERENCES \`leads\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`touches_visitor_idx\` ON \`touches\` (\`visitor\`);`)
  await db.run(sql`CREATE INDEX \`touches_at_idx\` ON \`touches\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`touches_channel_idx\` ON \`touches\` (\`channel\`);`)
  await db.run(sql`CREATE INDEX \`touches_campaign_idx\` ON \`touches\` (\`campaign\`);`)
  await db.run(sql`CREATE INDEX \`touches_campaign_link_idx\` ON \`touches\` (\`campaign_link\`);`)
  await db.run(sql`CREATE INDEX \`touches_referral_code_idx\` ON \`touches\` (\`referral_code\`);`)
  await db.run(sql`CREATE INDEX \`touches_lead_idx\` ON \`touches\` (\`lead_id\`);`)
  await db.run(sql`CREATE TABLE \`campaign_links\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`code\` text,
  	\`title\` text NOT NULL,
  	\`status\` text DEFAULT 'active' NOT NULL,
  	\`target_kind\` text DEFAULT 'page' NOT NULL,
  	\`target_page_id\` integer,
  	\`target_post_id\` integer,
  	\`target_url\` text,
  	\`target_allow_offsite\` integer DEFAULT false,
  	\`utm_source\` text,
  	\`utm_medium\` text,
  	\`utm_campaign\` text,
  	\`utm_content\` text,
  	\`utm_term\` text,
  	\`channel\` text,
  	\`owner_id\` integer,
  	\`notes\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`target_page_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`target_post_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`owner_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`campaign_links_code_idx\` ON \`campaign_links\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`campaign_links_target_target_page_idx\` ON \`campaign_links\` (\`target_page_id\`);`)
  await db.run(sql`CREATE INDEX \`campaign_links_target_target_post_idx\` ON \`campaign_links\` (\`target_post_id\`);`)
  await db.run(sql`CREATE INDEX \`campaign_links_owner_idx\` ON \`campaign_links\` (\`owner_id\`);`)
  await db.run(sql`CREATE INDEX \`campaign_links_updated_at_idx\` ON \`campaign_links\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`campaign_links_created_at_idx\` ON \`campaign_links\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`link_clicks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`link\` text NOT NULL,
  	\`day\` text NOT NULL,
  	\`count\` numeric DEFAULT 0 NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`link_clicks_link_idx\` ON \`link_clicks\` (\`link\`);`)
  await db.run(sql`CREATE INDEX \`link_clicks_day_idx\` ON \`link_clicks\` (\`day\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`link_day_idx\` ON \`link_clicks\` (\`link\`,\`day\`);`)
  await db.run(sql`ALTER TABLE \`submissions\` ADD \`visitor\` text;`)
  await db.run(sql`CREATE INDEX \`submissions_visitor_idx\` ON \`submissions\` (\`visitor\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`touches_id\` integer REFERENCES touches(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`campaign_links_id\` integer REFERENCES campaign_links(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`link_clicks_id\` integer REFERENCES link_clicks(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_touches_id_idx\` ON \`payload_locked_documents_rels\` (\`touches_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_campaign_links_id_idx\` ON \`payload_locked_documents_rels\` (\`campaign_links_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_link_clicks_id_idx\` ON \`payload_locked_documents_rels\` (\`link_clicks_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`attribution_touches_need_consent\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`attribution_campaign_link_fallback_id\` integer REFERENCES pages(id);`)
  await db.run(sql`CREATE INDEX \`site_settings_attribution_attribution_campaign_link_fall_idx\` ON \`site_settings\` (\`attribution_campaign_link_fallback_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`touches\`;`)
  await db.run(sql`DROP TABLE \`campaign_links\`;`)
  await db.run(sql`DROP TABLE \`link_clicks\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`pages_id\` integer,
  	\`posts_id\` integer,
  	\`categories_id\` integer,
  	\`media_id\` integer,
  	\`forms_id\` integer,
  	\`leads_id\` integer,
  	\`submissions_id\` integer,
  	\`lead_files_id\` integer,
  	\`teams_id\` integer,
  	\`intake_counters_id\` integer,
  	\`outbox_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`forms_id\`) REFERENCES \`forms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leads_id\`) REFERENCES \`leads\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`submissions_id\`) REFERENCES \`submissions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lead_files_id\`) REFERENCES \`lead_files\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`teams_id\`) REFERENCES \`teams\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`intake_counters_id\`) REFERENCES \`intake_counters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outbox_id\`) REFERENCES \`outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "pages_id", "posts_id", "categories_id", "media_id", "forms_id", "leads_id", "submissions_id", "lead_files_id", "teams_id", "intake_counters_id", "outbox_id", "users_id") SELECT "id", "order", "parent_id", "path", "pages_id", "posts_id", "categories_id", "media_id", "forms_id", "leads_id", "submissions_id", "lead_files_id", "teams_id", "intake_counters_id", "outbox_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_posts_id_idx\` ON \`payload_locked_documents_rels\` (\`posts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_forms_id_idx\` ON \`payload_locked_documents_rels\` (\`forms_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_leads_id_idx\` ON \`payload_locked_documents_rels\` (\`leads_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_submissions_id_idx\` ON \`payload_locked_documents_rels\` (\`submissions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_lead_files_id_idx\` ON \`payload_locked_documents_rels\` (\`lead_files_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_teams_id_idx\` ON \`payload_locked_documents_rels\` (\`teams_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_intake_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`intake_counters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`outbox_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_site_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`logo_id\` integer,
  	\`default_locale\` text DEFAULT 'zh-CN' NOT NULL,
  	\`theme\` text DEFAULT 'classic' NOT NULL,
  	\`brand_color\` text DEFAULT '#c8102e' NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text,
  	FOREIGN KEY (\`logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_site_settings\`("id", "logo_id", "default_locale", "theme", "brand_color", "updated_at", "created_at") SELECT "id", "logo_id", "default_locale", "theme", "brand_color", "updated_at", "created_at" FROM \`site_settings\`;`)
  await db.run(sql`DROP TABLE \`site_settings\`;`)
  await db.run(sql`ALTER TABLE \`__new_site_settings\` RENAME TO \`site_settings\`;`)
  await db.run(sql`CREATE INDEX \`site_settings_logo_idx\` ON \`site_settings\` (\`logo_id\`);`)
  await db.run(sql`DROP INDEX \`submissions_visitor_idx\`;`)
  await db.run(sql`ALTER TABLE \`submissions\` DROP COLUMN \`visitor\`;`)
}
