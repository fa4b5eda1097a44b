import * as migration_20261122_140331_initial from './20261122_140331_initial';
import * as migration_20261122_151719_forms_and_leads from './20261122_151719_forms_and_leads';
import * as migration_20261122_161225_teams_files_webhooks from './20261122_161225_teams_files_webhooks';
import * as migration_20261123_140834_attribution_campaign_links from './20261123_140834_attribution_campaign_links';
import * as migration_20261123_141831_redirects from './20261123_141831_redirects';
import * as migration_20261123_151522_members from './20261123_151522_members';
import * as migration_20261123_155951_throttle_counters from './20261123_155951_throttle_counters';
import * as migration_20261201_043817_broadcasts from './20261201_043817_broadcasts';
import * as migration_20261201_050730_china_sign_in_wecom from './20261201_050730_china_sign_in_wecom';
import * as migration_20261201_051224_redirects_allow_offsite from './20261201_051224_redirects_allow_offsite';
import * as migration_20261201_054914_snapshot_after_merge from './20261201_054914_snapshot_after_merge';
import * as migration_20261201_094046_broadcasts_outbox_key from './20261201_094046_broadcasts_outbox_key';
import * as migration_20261201_095205_lead_deliveries from './20261201_095205_lead_deliveries';
import * as migration_20261201_101227_china from './20261201_101227_china';
import * as migration_20261201_101824_nurture from './20261201_101824_nurture';
import * as migration_20261201_132039_wechat_block from './20261201_132039_wechat_block';
import * as migration_20261201_132921_archive from './20261201_132921_archive';
import * as migration_20261201_135831_offers from './20261201_135831_offers';
import * as migration_20261201_161855_lead_rights from './20261201_161855_lead_rights';
import * as migration_20261201_165702_consent_topics from './20261201_165702_consent_topics';

export const migrations = [
  {
    up: migration_20261122_140331_initial.up,
    down: migration_20261122_140331_initial.down,
    name: '20261122_140331_initial',
  },
  {
    up: migration_20261122_151719_forms_and_leads.up,
    down: migration_20261122_151719_forms_and_leads.down,
    name: '20261122_151719_forms_and_leads',
  },
  {
    up: migration_20261122_161225_teams_files_webhooks.up,
    down: migration_20261122_161225_teams_files_webhooks.down,
    name: '20261122_161225_teams_files_webhooks',
  },
  {
    up: migration_20261123_140834_attribution_campaign_links.up,
    down: migration_20261123_140834_attribution_campaign_links.down,
    name: '20261123_140834_attribution_campaign_links',
  },
  {
    up: migration_20261123_141831_redirects.up,
    down: migration_20261123_141831_redirects.down,
    name: '20261123_141831_redirects',
  },
  {
    up: migration_20261123_151522_members.up,
    down: migration_20261123_151522_members.down,
    name: '20261123_151522_members',
  },
  {
    up: migration_20261123_155951_throttle_counters.up,
    down: migration_20261123_155951_throttle_counters.down,
    name: '20261123_155951_throttle_counters',
  },
  {
    up: migration_20261201_043817_broadcasts.up,
    down: migration_20261201_043817_broadcasts.down,
    name: '20261201_043817_broadcasts',
  },
  {
    up: migration_20261201_050730_china_sign_in_wecom.up,
    down: migration_20261201_050730_china_sign_in_wecom.down,
    name: '20261201_050730_china_sign_in_wecom',
  },
  {
    up: migration_20261201_051224_redirects_allow_offsite.up,
    down: migration_20261201_051224_redirects_allow_offsite.down,
    name: '20261201_051224_redirects_allow_offsite',
  },
  {
    up: migration_20261201_054914_snapshot_after_merge.up,
    down: migration_20261201_054914_snapshot_after_merge.down,
    name: '20261201_054914_snapshot_after_merge',
  },
  {
    up: migration_20261201_094046_broadcasts_outbox_key.up,
    down: migration_20261201_094046_broadcasts_outbox_key.down,
    name: '20261201_094046_broadcasts_outbox_key',
  },
  {
    up: migration_20261201_095205_lead_deliveries.up,
    down: migration_20261201_095205_lead_deliveries.down,
    name: '20261201_095205_lead_deliveries',
  },
  {
    up: migration_20261201_101227_china.up,
    down: migration_20261201_101227_china.down,
    name: '20261201_101227_china',
  },
  {
    up: migration_20261201_101824_nurture.up,
    down: migration_20261201_101824_nurture.down,
    name: '20261201_101824_nurture',
  },
  {
    up: migration_20261201_132039_wechat_block.up,
    down: migration_20261201_132039_wechat_block.down,
    name: '20261201_132039_wechat_block',
  },
  {
    up: migration_20261201_132921_archive.up,
    down: migration_20261201_132921_archive.down,
    name: '20261201_132921_archive',
  },
  {
    up: migration_20261201_135831_offers.up,
    down: migration_20261201_135831_offers.down,
    name: '20261201_135831_offers',
  },
  {
    up: migration_20261201_161855_lead_rights.up,
    down: migration_20261201_161855_lead_rights.down,
    name: '20261201_161855_lead_rights',
  },
  {
    up: migration_20261201_165702_consent_topics.up,
    down: migration_20261201_165702_consent_topics.down,
    name: '20261201_165702_consent_topics'
  },
];
