import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`campaign_links_group_codes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text,
  	\`full\` integer DEFAULT false,
  	\`image_id\` integer NOT NULL,
  	\`scans\` numeric DEFAULT 0,
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`campaign_links\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`campaign_links_group_codes_order_idx\` ON \`campaign_links_group_codes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`campaign_links_group_codes_parent_id_idx\` ON \`campaign_links_group_codes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`campaign_links_group_codes_image_idx\` ON \`campaign_links_group_codes\` (\`image_id\`);`)
  await db.run(sql`CREATE TABLE \`live_codes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`state\` text NOT NULL,
  	\`campaign_link\` text NOT NULL,
  	\`lead_id\` integer,
  	\`staff\` text,
  	\`config_id\` text NOT NULL,
  	\`qr_code\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`lead_id\`) REFERENCES \`leads\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`live_codes_state_idx\` ON \`live_codes\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`live_codes_campaign_link_idx\` ON \`live_codes\` (\`campaign_link\`);`)
  await db.run(sql`CREATE INDEX \`live_codes_lead_idx\` ON \`live_codes\` (\`lead_id\`);`)
  await db.run(sql`CREATE INDEX \`live_codes_updated_at_idx\` ON \`live_codes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`live_codes_created_at_idx\` ON \`live_codes\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`campaign_links\` ADD \`live_code_staff\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`avatar_url\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`live_codes_id\` integer REFERENCES live_codes(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_live_codes_id_idx\` ON \`payload_locked_documents_rels\` (\`live_codes_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`campaign_links_group_codes\`;`)
  await db.run(sql`DROP TABLE \`live_codes\`;`)
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
  	\`wechat_adds_id\` integer,
  	\`members_id\` integer,
  	\`member_sessions_id\` integer,
  	\`member_codes_id\` integer,
  	\`member_identities_id\` integer,
  	\`points_ledger_id\` integer,
  	\`tiers_id\` integer,
  	\`rewards_id\` integer,
  	\`topics_id\` integer,
  	\`consent_log_id\` integer,
  	\`audit_log_id\` integer,
  	\`throttle_counters_id\` integer,
  	\`segments_id\` integer,
  	\`broadcasts_id\` integer,
  	\`broadcast_deliveries_id\` integer,
  	\`broadcast_events_id\` integer,
  	\`suppressions_id\` integer,
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
  	FOREIGN KEY (\`wechat_adds_id\`) REFERENCES \`wechat_adds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`members_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`member_sessions_id\`) REFERENCES \`member_sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`member_codes_id\`) REFERENCES \`member_codes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`member_identities_id\`) REFERENCES \`member_identities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`points_ledger_id\`) REFERENCES \`points_ledger\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tiers_id\`) REFERENCES \`tiers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rewards_id\`) REFERENCES \`rewards\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consent_log_id\`) REFERENCES \`consent_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`throttle_counters_id\`) REFERENCES \`throttle_counters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`segments_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`broadcasts_id\`) REFERENCES \`broadcasts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`broadcast_deliveries_id\`) REFERENCES \`broadcast_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`broadcast_events_id\`) REFERENCES \`broadcast_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`suppressions_id\`) REFERENCES \`suppressions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "pages_id", "posts_id", "categories_id", "media_id", "forms_id", "leads_id", "submissions_id", "lead_files_id", "teams_id", "intake_counters_id", "touches_id", "campaign_links_id", "link_clicks_id", "outbox_id", "redirects_id", "users_id", "wechat_adds_id", "members_id", "member_sessions_id", "member_codes_id", "member_identities_id", "points_ledger_id", "tiers_id", "rewards_id", "topics_id", "consent_log_id", "audit_log_id", "throttle_counters_id", "segments_id", "broadcasts_id", "broadcast_deliveries_id", "broadcast_events_id", "suppressions_id") SELECT "id", "order", "parent_id", "path", "pages_id", "posts_id", "categories_id", "media_id", "forms_id", "leads_id", "submissions_id", "lead_files_id", "teams_id", "intake_counters_id", "touches_id", "campaign_links_id", "link_clicks_id", "outbox_id", "redirects_id", "users_id", "wechat_adds_id", "members_id", "member_sessions_id", "member_codes_id", "member_identities_id", "points_ledger_id", "tiers_id", "rewards_id", "topics_id", "consent_log_id", "audit_log_id", "throttle_counters_id", "segments_id", "broadcasts_id", "broadcast_deliveries_id", "broadcast_events_id", "suppressions_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_wechat_adds_id_idx\` ON \`payload_locked_documents_rels\` (\`wechat_adds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_members_id_idx\` ON \`payload_locked_documents_rels\` (\`members_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_member_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`member_sessions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_member_codes_id_idx\` ON \`payload_locked_documents_rels\` (\`member_codes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_member_identities_id_idx\` ON \`payload_locked_documents_rels\` (\`member_identities_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_points_ledger_id_idx\` ON \`payload_locked_documents_rels\` (\`points_ledger_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tiers_id_idx\` ON \`payload_locked_documents_rels\` (\`tiers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rewards_id_idx\` ON \`payload_locked_documents_rels\` (\`rewards_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consent_log_id_idx\` ON \`payload_locked_documents_rels\` (\`consent_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_throttle_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`throttle_counters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_segments_id_idx\` ON \`payload_locked_documents_rels\` (\`segments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_broadcasts_id_idx\` ON \`payload_locked_documents_rels\` (\`broadcasts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_broadcast_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`broadcast_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_broadcast_events_id_idx\` ON \`payload_locked_documents_rels\` (\`broadcast_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_suppressions_id_idx\` ON \`payload_locked_documents_rels\` (\`suppressions_id\`);`)
  await db.run(sql`ALTER TABLE \`campaign_links\` DROP COLUMN \`live_code_staff\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`avatar_url\`;`)
}
