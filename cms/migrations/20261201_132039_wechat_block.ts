import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`pages_blocks_add_on_wechat\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`heading\` text,
  	\`text\` text,
  	\`campaign_link_id\` integer,
  	\`show\` text DEFAULT 'contact',
  	\`block_name\` text,
  	FOREIGN KEY (\`campaign_link_id\`) REFERENCES \`campaign_links\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`pages_blocks_add_on_wechat_order_idx\` ON \`pages_blocks_add_on_wechat\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`pages_blocks_add_on_wechat_parent_id_idx\` ON \`pages_blocks_add_on_wechat\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_blocks_add_on_wechat_path_idx\` ON \`pages_blocks_add_on_wechat\` (\`_path\`);`)
  await db.run(sql`CREATE INDEX \`pages_blocks_add_on_wechat_locale_idx\` ON \`pages_blocks_add_on_wechat\` (\`_locale\`);`)
  await db.run(sql`CREATE INDEX \`pages_blocks_add_on_wechat_campaign_link_idx\` ON \`pages_blocks_add_on_wechat\` (\`campaign_link_id\`);`)
  await db.run(sql`CREATE TABLE \`_pages_v_blocks_add_on_wechat\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`heading\` text,
  	\`text\` text,
  	\`campaign_link_id\` integer,
  	\`show\` text DEFAULT 'contact',
  	\`_uuid\` text,
  	\`block_name\` text,
  	FOREIGN KEY (\`campaign_link_id\`) REFERENCES \`campaign_links\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_pages_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_pages_v_blocks_add_on_wechat_order_idx\` ON \`_pages_v_blocks_add_on_wechat\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_blocks_add_on_wechat_parent_id_idx\` ON \`_pages_v_blocks_add_on_wechat\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_blocks_add_on_wechat_path_idx\` ON \`_pages_v_blocks_add_on_wechat\` (\`_path\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_blocks_add_on_wechat_locale_idx\` ON \`_pages_v_blocks_add_on_wechat\` (\`_locale\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_blocks_add_on_wechat_campaign_link_idx\` ON \`_pages_v_blocks_add_on_wechat\` (\`campaign_link_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`pages_blocks_add_on_wechat\`;`)
  await db.run(sql`DROP TABLE \`_pages_v_blocks_add_on_wechat\`;`)
}
