import type { FunnelChartText, FunnelGroup, FunnelModel, FunnelRate, FunnelStep } from '../../functions/attribution'

/** The admin's languages (config i18n.supportedLanguages). */
export type FunnelLanguage = 'en' | 'zh'

/** Every word the funnel view, its chart and its CSV names show. */
export interface FunnelText {
  title: string
  intro: string
  from: string
  to: string
  show: string
  groupBy: string
  credit: string
  groups: Record<FunnelGroup, string>
  models: Record<FunnelModel, string>
  none: Record<FunnelGroup, string>
  name: string
  clicks: string
  steps: Record<FunnelStep, string>
  rates: Record<FunnelRate, string>
  total: string
  csv: string
  definitionsTitle: string
  definitions: Record<FunnelModel, string[]>
  chart: FunnelChartText
}

const EN: FunnelText = {
  title: 'Channel funnel',
  intro: 'Visits, leads, adds on WeChat, members and won leads per channel, campaign and campaign link, for whole UTC days.',
  from: 'From',
  to: 'To',
  show: 'Show',
  groupBy: 'Rows',
  credit: 'Credit',
  groups: { channel: 'Channel', campaign: 'Campaign', link: 'Campaign link' },
  models: { first: 'First touch', last: 'Last touch' },
  none: { channel: '(no touch)', campaign: '(no campaign)', link: '(no campaign link)' },
  name: 'Name',
  clicks: 'Clicks',
  steps: { visits: 'Visits', leads: 'Leads', added: 'Added on WeChat', members: 'Members', won: 'Won' },
  rates: {
    visitToLead: 'Visit → lead',
    leadToAdded: 'Lead → added on WeChat',
    leadToMember: 'Lead → member',
    leadToWon: 'Lead → won',
  },
  total: 'Total',
  csv: 'Download CSV',
  definitionsTitle: 'What the numbers mean',
  definitions: {
    first: [
      'Visits: visitors whose first touch ever falls in the range, under that touch. Returning visitors are not counted again, ' +
        'nor touches of erased members.',
      'Leads: leads created in the range, under their first touch. Won: those of them now marked won.',
      'Added on WeChat: people who added a staff member through a 企业微信 live code in the range, ' +
        'under that live code (channel WeChat, its campaign and link), in both models.',
      'Members: members who signed up in the range, under their first touch (a member need not have sent a form, ' +
        'so lead → member can pass 100%).',
      'Clicks (campaign links): every scan or click of the link in the range, bots left out.',
    ],
    last: [
      'Visits: every visitor with a touch in the range, once, under their latest touch in the range (touches of erased members are ' +
        'not counted).',
      'Leads: leads created in the range, under their last touch before the form. Won: those of them now marked won.',
      'Added on WeChat: people who added a staff member through a 企业微信 live code in the range, ' +
        'under that live code (channel WeChat, its campaign and link), in both models.',
      'Members: members who signed up in the range, under their last touch (a member need not have sent a form, ' +
        'so lead → member can pass 100%).',
      'Clicks (campaign links): every scan or click of the link in the range, bots left out.',
    ],
  },
  chart: {
    title: 'Channel funnel',
    steps: { visits: 'Visits', leads: 'Leads', added: 'Added on WeChat', members: 'Members', won: 'Won' },
    empty: 'Nothing in this range yet.',
    more: (n) => `${n} more in the table below`,
  },
}

const ZH: FunnelText = {
  title: '渠道漏斗',
  intro: '按渠道、活动和活动链接统计的访问、线索、添加企业微信、会员和赢单，按整日（UTC）计算。',
  from: '开始',
  to: '结束',
  show: '查看',
  groupBy: '分组',
  credit: '归因',
  groups: { channel: '渠道', campaign: '活动', link: '活动链接' },
  models: { first: '首次触点', last: '最后触点' },
  none: { channel: '（无触点）', campaign: '（无活动）', link: '（无活动链接）' },
  name: '名称',
  clicks: '点击',
  steps: { visits: '访问', leads: '线索', added: '添加企业微信', members: '会员', won: '赢单' },
  rates: {
    visitToLead: '访问→线索',
    leadToAdded: '线索→添加企业微信',
    leadToMember: '线索→会员',
    leadToWon: '线索→赢单',
  },
  total: '合计',
  csv: '下载 CSV',
  definitionsTitle: '数字的含义',
  definitions: {
    first: [
      '访问：首次触点落在所选日期内的访客，计入该触点；回访者不重复计算，已删除会员的触点不计。',
      '线索：所选日期内创建的线索，按首次触点归因。赢单：其中当前状态为赢单的线索。',
      '添加企业微信：所选日期内通过企业微信「联系我」活码添加成员的人，计入该活码（渠道微信及其活动和链接），两种归因方式相同。',
      '会员：所选日期内注册的会员，按首次触点归因（会员不一定提交过表单，因此线索→会员可能超过 100%）。',
      '点击（活动链接）：所选日期内该链接的扫码和点击次数，不含机器人。',
    ],
    last: [
      '访问：所选日期内有触点的每位访客计一次，计入其在该日期内的最后一个触点（已删除会员的触点不计）。',
      '线索：所选日期内创建的线索，按提交前的最后触点归因。赢单：其中当前状态为赢单的线索。',
      '添加企业微信：所选日期内通过企业微信「联系我」活码添加成员的人，计入该活码（渠道微信及其活动和链接），两种归因方式相同。',
      '会员：所选日期内注册的会员，按最后触点归因（会员不一定提交过表单，因此线索→会员可能超过 100%）。',
      '点击（活动链接）：所选日期内该链接的扫码和点击次数，不含机器人。',
    ],
  },
  chart: {
    title: '渠道漏斗',
    steps: { visits: '访问', leads: '线索', added: '添加企业微信', members: '会员', won: '赢单' },
    empty: '所选日期内暂无数据。',
    more: (n) => `另有 ${n} 行见下表`,
  },
}

/**
 * The funnel's words in the admin's language; anything but Chinese gets English.
 * @example funnelText('zh').steps.leads // '线索'
 */
export function funnelText(language: string | undefined): FunnelText {
  return language === 'zh' ? ZH : EN
}
