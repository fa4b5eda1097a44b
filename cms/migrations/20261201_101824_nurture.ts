import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`leads_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`leads\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`leads_texts_order_parent\` ON \`leads_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`leads_texts_text_idx\` ON \`leads_texts\` (\`text\`);`)
  await db.run(sql`CREATE TABLE \`lead_activity\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`lead_id\` integer,
  	\`visitor\` text,
  	\`path\` text,
  	\`categories\` text,
  	\`form\` text,
  	\`ref\` text,
  	\`locale\` text,
  	\`processed_at\` text,
  	FOREIGN KEY (\`lead_id\`) REFERENCES \`leads\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`lead_activity_kind_idx\` ON \`lead_activity\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`lead_activity_at_idx\` ON \`lead_activity\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`lead_activity_lead_idx\` ON \`lead_activity\` (\`lead_id\`);`)
  await db.run(sql`CREATE INDEX \`lead_activity_visitor_idx\` ON \`lead_activity\` (\`visitor\`);`)
  await db.run(sql`CREATE INDEX \`lead_activity_processed_at_idx\` ON \`lead_activity\` (\`processed_at\`);`)
  await db.run(sql`CREATE TABLE \`scoring_rules\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`active\` integer DEFAULT true,
  	\`event\` text NOT NULL,
  	\`path\` text,
  	\`category_id\` integer,
  	\`form_id\` integer,
  	\`visits\` numeric,
  	\`within_days\` numeric DEFAULT 30,
  	\`points\` numeric NOT NULL,
  	\`decay_days\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`form_id\`) REFERENCES \`forms\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`scoring_rules_category_idx\` ON \`scoring_rules\` (\`category_id\`);`)
  await db.run(sql`CREATE INDEX \`scoring_rules_form_idx\` ON \`scoring_rules\` (\`form_id\`);`)
  await db.run(sql`CREATE INDEX \`scoring_rules_updated_at_idx\` ON \`scoring_rules\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`scoring_rules_created_at_idx\` ON \`scoring_rules\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`score_changes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`lead_id\` integer NOT NULL,
  	\`rule_id\` integer,
  	\`points\` numeric NOT NULL,
  	\`reason\` text NOT NULL,
  	\`activity\` numeric,
  	\`at\` text NOT NULL,
  	\`expires_at\` text,
  	\`expired\` integer DEFAULT false,
  	FOREIGN KEY (\`lead_id\`) REFERENCES \`leads\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`rule_id\`) REFERENCES \`scoring_rules\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`score_changes_lead_idx\` ON \`score_changes\` (\`lead_id\`);`)
  await db.run(sql`CREATE INDEX \`score_changes_rule_idx\` ON \`score_changes\` (\`rule_id\`);`)
  await db.run(sql`CREATE INDEX \`score_changes_at_idx\` ON \`score_changes\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`score_changes_expires_at_idx\` ON \`score_changes\` (\`expires_at\`);`)
  await db.run(sql`CREATE TABLE \`sequences_steps\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`delay\` numeric DEFAULT 0 NOT NULL,
  	\`unit\` text DEFAULT 'days' NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`sequences\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`sequences_steps_order_idx\` ON \`sequences_steps\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`sequences_steps_parent_id_idx\` ON \`sequences_steps\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`sequences_steps_locales\` (
  	\`subject\` text NOT NULL,
  	\`body\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`sequences_steps\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`sequences_steps_locales_locale_parent_id_unique\` ON \`sequences_steps_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`sequences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`active\` integer DEFAULT true,
  	\`trigger\` text NOT NULL,
  	\`form_id\` integer,
  	\`topic\` text,
  	\`tag\` text,
  	\`reenter\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`form_id\`) REFERENCES \`forms\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`sequences_form_idx\` ON \`sequences\` (\`form_id\`);`)
  await db.run(sql`CREATE INDEX \`sequences_updated_at_idx\` ON \`sequences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sequences_created_at_idx\` ON \`sequences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`sequence_enrolments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`sequence_id\` integer NOT NULL,
  	\`lead_id\` integer NOT NULL,
  	\`status\` text DEFAULT 'active' NOT NULL,
  	\`exit_reason\` text,
  	\`enrolled_at\` text NOT NULL,
  	\`last_step\` text,
  	\`last_step_at\` text,
  	\`sent_count\` numeric DEFAULT 0,
  	\`sent_steps\` text,
  	\`next_due_at\` text,
  	\`sending\` text,
  	\`ended_at\` text,
  	\`locale\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`sequence_id\`) REFERENCES \`sequences\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`lead_id\`) REFERENCES \`leads\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`sequence_enrolments_sequence_idx\` ON \`sequence_enrolments\` (\`sequence_id\`);`)
  await db.run(sql`CREATE INDEX \`sequence_enrolments_lead_idx\` ON \`sequence_enrolments\` (\`lead_id\`);`)
  await db.run(sql`CREATE INDEX \`sequence_enrolments_status_idx\` ON \`sequence_enrolments\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`sequence_enrolments_next_due_at_idx\` ON \`sequence_enrolments\` (\`next_due_at\`);`)
  await db.run(sql`CREATE INDEX \`sequence_enrolments_updated_at_idx\` ON \`sequence_enrolments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sequence_enrolments_created_at_idx\` ON \`sequence_enrolments\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`sequence_emails\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`enrolment_id\` integer NOT NULL,
  	\`sequence_id\` integer NOT NULL,
  	\`lead_id\` integer,
  	\`step\` text NOT NULL,
  	\`to\` text,
  	\`provider_id\` text,
  	\`sent_at\` text,
  	\`opened_at\` text,
  	\`clicked_at\` text,
  	FOREIGN KEY (\`enrolment_id\`) REFERENCES \`sequence_enrolments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`sequence_id\`) REFERENCES \`sequences\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`lead_id\`) REFERENCES \`leads\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`sequence_emails_enrolment_idx\` ON \`sequence_emails\` (\`enrolment_id\`);`)
  await db.run(sql`CREATE INDEX \`sequence_emails_sequence_idx\` ON \`sequence_emails\` (\`sequence_id\`);`)
  await db.run(sql`CREATE INDEX \`sequence_emails_lead_idx\` ON \`sequence_emails\` (\`lead_id\`);`)
  await db.run(sql`CREATE INDEX \`sequence_emails_step_idx\` ON \`sequence_emails\` (\`step\`);`)
  await db.run(sql`CREATE INDEX \`sequence_emails_provider_id_idx\` ON \`sequence_emails\` (\`provider_id\`);`)
  await db.run(sql`CREATE TABLE \`scoring_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`threshold\` numeric DEFAULT 50,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`leads\` ADD \`last_activity_at\` text;`)
  await db.run(sql`ALTER TABLE \`leads\` ADD \`qualified_at\` text;`)
  await db.run(sql`CREATE INDEX \`leads_score_idx\` ON \`leads\` (\`score\`);`)
  await db.run(sql`CREATE INDEX \`leads_last_activity_at_idx\` ON \`leads\` (\`last_activity_at\`);`)
  await db.run(sql`CREATE INDEX \`leads_qualified_at_idx\` ON \`leads\` (\`qualified_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`lead_activity_id\` integer REFERENCES lead_activity(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`scoring_rules_id\` integer REFERENCES scoring_rules(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`score_changes_id\` integer REFERENCES score_changes(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sequences_id\` integer REFERENCES sequences(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sequence_enrolments_id\` integer REFERENCES sequence_enrolments(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sequence_emails_id\` integer REFERENCES sequence_emails(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_lead_activity_id_idx\` ON \`payload_locked_documents_rels\` (\`lead_activity_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_scoring_rules_id_idx\` ON \`payload_locked_documents_rels\` (\`scoring_rules_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_score_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`score_changes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sequences_id_idx\` ON \`payload_locked_documents_rels\` (\`sequences_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sequence_enrolments_id_idx\` ON \`payload_locked_documents_rels\` (\`sequence_enrolments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sequence_emails_id_idx\` ON \`payload_locked_documents_rels\` (\`sequence_emails_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`leads_texts\`;`)
  await db.run(sql`DROP TABLE \`lead_activity\`;`)
  await db.run(sql`DROP TABLE \`scoring_rules\`;`)
  await db.run(sql`DROP TABLE \`score_changes\`;`)
  await db.run(sql`DROP TABLE \`sequences_steps\`;`)
  await db.run(sql`DROP TABLE \`sequences_steps_locales\`;`)
  await db.run(sql`DROP TABLE \`sequences\`;`)
  await db.run(sql`DROP TABLE \`sequence_enrolments\`;`)
  await db.run(sql`DROP TABLE \`sequence_emails\`;`)
  await db.run(sql`DROP TABLE \`scoring_settings\`;`)
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
  await db.run(sql`DROP INDEX \`leads_score_idx\`;`)
  await db.run(sql`DROP INDEX \`leads_last_activity_at_idx\`;`)
  await db.run(sql`DROP INDEX \`leads_qualified_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`leads\` DROP COLUMN \`last_activity_at\`;`)
  await db.run(sql`ALTER TABLE \`leads\` DROP COLUMN \`qualified_at\`;`)
}
