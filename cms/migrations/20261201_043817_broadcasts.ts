import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`segments_rules\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`topic\` text,
  	\`tier_id\` integer,
  	\`locale\` text,
  	\`touch\` text,
  	\`channel\` text,
  	\`campaign\` text,
  	\`status\` text,
  	\`owner_id\` integer,
  	\`form_id\` integer,
  	\`since\` text,
  	\`above\` numeric,
  	FOREIGN KEY (\`tier_id\`) REFERENCES \`tiers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`owner_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`form_id\`) REFERENCES \`forms\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`segments_rules_order_idx\` ON \`segments_rules\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`segments_rules_parent_id_idx\` ON \`segments_rules\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`segments_rules_tier_idx\` ON \`segments_rules\` (\`tier_id\`);`)
  await db.run(sql`CREATE INDEX \`segments_rules_owner_idx\` ON \`segments_rules\` (\`owner_id\`);`)
  await db.run(sql`CREATE INDEX \`segments_rules_form_idx\` ON \`segments_rules\` (\`form_id\`);`)
  await db.run(sql`CREATE TABLE \`segments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`match\` text DEFAULT 'all' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`segments_slug_idx\` ON \`segments\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`segments_updated_at_idx\` ON \`segments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`segments_created_at_idx\` ON \`segments\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`broadcasts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`post_id\` integer,
  	\`segment_id\` integer NOT NULL,
  	\`send_at\` text,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`public\` integer DEFAULT false,
  	\`planned_at\` text,
  	\`recipients\` numeric,
  	\`sent_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`post_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`segment_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`broadcasts_post_idx\` ON \`broadcasts\` (\`post_id\`);`)
  await db.run(sql`CREATE INDEX \`broadcasts_segment_idx\` ON \`broadcasts\` (\`segment_id\`);`)
  await db.run(sql`CREATE INDEX \`broadcasts_updated_at_idx\` ON \`broadcasts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`broadcasts_created_at_idx\` ON \`broadcasts\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`broadcasts_locales\` (
  	\`subject\` text NOT NULL,
  	\`preheader\` text,
  	\`body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`broadcasts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`broadcasts_locales_locale_parent_id_unique\` ON \`broadcasts_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`broadcast_deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`broadcast_id\` integer NOT NULL,
  	\`recipient\` text NOT NULL,
  	\`email\` text NOT NULL,
  	\`name\` text,
  	\`locale\` text,
  	\`member\` text,
  	\`lead\` text,
  	\`batch\` numeric NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`provider_id\` text,
  	\`sent_at\` text,
  	FOREIGN KEY (\`broadcast_id\`) REFERENCES \`broadcasts\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`broadcast_deliveries_broadcast_idx\` ON \`broadcast_deliveries\` (\`broadcast_id\`);`)
  await db.run(sql`CREATE INDEX \`broadcast_deliveries_provider_id_idx\` ON \`broadcast_deliveries\` (\`provider_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`broadcast_recipient_idx\` ON \`broadcast_deliveries\` (\`broadcast_id\`,\`recipient\`);`)
  await db.run(sql`CREATE INDEX \`broadcast_batch_idx\` ON \`broadcast_deliveries\` (\`broadcast_id\`,\`batch\`);`)
  await db.run(sql`CREATE TABLE \`broadcast_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`event_id\` text NOT NULL,
  	\`type\` text NOT NULL,
  	\`broadcast_id\` integer,
  	\`recipient\` text,
  	\`provider_id\` text,
  	\`url\` text,
  	\`at\` text NOT NULL,
  	FOREIGN KEY (\`broadcast_id\`) REFERENCES \`broadcasts\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`broadcast_events_event_id_idx\` ON \`broadcast_events\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`broadcast_events_broadcast_idx\` ON \`broadcast_events\` (\`broadcast_id\`);`)
  await db.run(sql`CREATE TABLE \`suppressions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`address_hash\` text NOT NULL,
  	\`reason\` text NOT NULL,
  	\`at\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`suppressions_address_hash_idx\` ON \`suppressions\` (\`address_hash\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`segments_id\` integer REFERENCES segments(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`broadcasts_id\` integer REFERENCES broadcasts(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`broadcast_deliveries_id\` integer REFERENCES broadcast_deliveries(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`broadcast_events_id\` integer REFERENCES broadcast_events(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`suppressions_id\` integer REFERENCES suppressions(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_segments_id_idx\` ON \`payload_locked_documents_rels\` (\`segments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_broadcasts_id_idx\` ON \`payload_locked_documents_rels\` (\`broadcasts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_broadcast_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`broadcast_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_broadcast_events_id_idx\` ON \`payload_locked_documents_rels\` (\`broadcast_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_suppressions_id_idx\` ON \`payload_locked_documents_rels\` (\`suppressions_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings_locales\` ADD \`postal_address\` text;`)
  // The seeded segment every install starts with: everyone subscribed to the newsletter topic.
  await db.run(sql`INSERT INTO \`segments\` (\`name\`, \`slug\`, \`match\`) VALUES ('Newsletter subscribers', 'newsletter', 'all');`)
  await db.run(sql`INSERT INTO \`segments_rules\` (\`_order\`, \`_parent_id\`, \`id\`, \`kind\`, \`topic\`) SELECT 1, \`id\`, 'seed-newsletter-topic', 'topic', 'newsletter' FROM \`segments\` WHERE \`slug\` = 'newsletter';`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`segments_rules\`;`)
  await db.run(sql`DROP TABLE \`segments\`;`)
  await db.run(sql`DROP TABLE \`broadcasts\`;`)
  await db.run(sql`DROP TABLE \`broadcasts_locales\`;`)
  await db.run(sql`DROP TABLE \`broadcast_deliveries\`;`)
  await db.run(sql`DROP TABLE \`broadcast_events\`;`)
  await db.run(sql`DROP TABLE \`suppressions\`;`)
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
  	\`touches_id\` integer,
  	\`campaign_links_id\` integer,
  	\`link_clicks_id\` integer,
  	\`outbox_id\` integer,
  	\`redirects_id\` integer,
  	\`users_id\` integer,
  	\`members_id\` integer,
  	\`member_sessions_id\` integer,
  	\`member_codes_id\` integer,
  	\`points_ledger_id\` integer,
  	\`tiers_id\` integer,
  	\`rewards_id\` integer,
  	\`topics_id\` integer,
  	\`consent_log_id\` integer,
  	\`audit_log_id\` integer,
  	\`throttle_counters_id\` integer,
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
  	FOREIGN KEY (\`touches_id\`) REFERENCES \`touches\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaign_links_id\`) REFERENCES \`campaign_links\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`link_clicks_id\`) REFERENCES \`link_clicks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outbox_id\`) REFERENCES \`outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`redirects_id\`) REFERENCES \`redirects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`members_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`member_sessions_id\`) REFERENCES \`member_sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`member_codes_id\`) REFERENCES \`member_codes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`points_ledger_id\`) REFERENCES \`points_ledger\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tiers_id\`) REFERENCES \`tiers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rewards_id\`) REFERENCES \`rewards\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consent_log_id\`) REFERENCES \`consent_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`throttle_counters_id\`) REFERENCES \`throttle_counters\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "pages_id", "posts_id", "categories_id", "media_id", "forms_id", "leads_id", "submissions_id", "lead_files_id", "teams_id", "intake_counters_id", "touches_id", "campaign_links_id", "link_clicks_id", "outbox_id", "redirects_id", "users_id", "members_id", "member_sessions_id", "member_codes_id", "points_ledger_id", "tiers_id", "rewards_id", "topics_id", "consent_log_id", "audit_log_id", "throttle_counters_id") SELECT "id", "order", "parent_id", "path", "pages_id", "posts_id", "categories_id", "media_id", "forms_id", "leads_id", "submissions_id", "lead_files_id", "teams_id", "intake_counters_id", "touches_id", "campaign_links_id", "link_clicks_id", "outbox_id", "redirects_id", "users_id", "members_id", "member_sessions_id", "member_codes_id", "points_ledger_id", "tiers_id", "rewards_id", "topics_id", "consent_log_id", "audit_log_id", "throttle_counters_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_touches_id_idx\` ON \`payload_locked_documents_rels\` (\`touches_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_campaign_links_id_idx\` ON \`payload_locked_documents_rels\` (\`campaign_links_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_link_clicks_id_idx\` ON \`payload_locked_documents_rels\` (\`link_clicks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`outbox_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_redirects_id_idx\` ON \`payload_locked_documents_rels\` (\`redirects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_members_id_idx\` ON \`payload_locked_documents_rels\` (\`members_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_member_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`member_sessions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_member_codes_id_idx\` ON \`payload_locked_documents_rels\` (\`member_codes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_points_ledger_id_idx\` ON \`payload_locked_documents_rels\` (\`points_ledger_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tiers_id_idx\` ON \`payload_locked_documents_rels\` (\`tiers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rewards_id_idx\` ON \`payload_locked_documents_rels\` (\`rewards_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consent_log_id_idx\` ON \`payload_locked_documents_rels\` (\`consent_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_throttle_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`throttle_counters_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings_locales\` DROP COLUMN \`postal_address\`;`)
}
