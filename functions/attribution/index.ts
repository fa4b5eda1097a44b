export { CHANNELS, isChannel, type Channel, type Touch } from './touch'
export { CHANNEL_ROWS, type ChannelRow, type KnownParam } from './channel-rows'
export { classifyTouch, directTouch, type Arrival, type CampaignLinkArrival } from './channels'
export { BOT_PATTERNS, isBot } from './bots'
export { channelName, describeTouches, type DescribeLocale } from './describe-touch'
export { safeRedirectTarget, withUtm, type UtmValues } from './safe-target'
export {
  FUNNEL_GROUPS,
  FUNNEL_MODELS,
  FUNNEL_RATES,
  FUNNEL_SORT_KEYS,
  FUNNEL_STEPS,
  buildFunnel,
  conversionRate,
  sortFunnelRows,
  type FunnelCounts,
  type FunnelGroup,
  type FunnelModel,
  type FunnelNames,
  type FunnelQuery,
  type FunnelRange,
  type FunnelRate,
  type FunnelReport,
  type FunnelRow,
  type FunnelSort,
  type FunnelSortKey,
  type FunnelStep,
  type GroupCount,
} from './funnel'
export { DEFAULT_FUNNEL_DAYS, FunnelQueryError, funnelSearch, parseFunnelQuery, rangeBounds, type FunnelParams } from './funnel-query'
export { countConversions, countVisits, touchGroupKey, type FunnelConversion, type FunnelTouch } from './funnel-count'
export { funnelCsv, funnelCsvFilename } from './funnel-csv'
export { FUNNEL_CHART_TEXT_EN, escapeXml, funnelChartSvg, type FunnelChartText } from './funnel-chart'
export { decideArrival, type ArrivalDecision, type ArrivalRequest } from './arrival'
export { createTouchRecorder, type LinkClickCount, type TouchRecorder, type TouchStore, type VisitorTouch } from './touch-recorder'
export { CONSENT_COOKIE, VISITOR_COOKIE, consentCookie, isVisitorId, newVisitorId, readCookie, visitorCookie } from './visitor'
