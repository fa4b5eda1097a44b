export { type ArrivalDecision, type ArrivalRequest, decideArrival } from './arrival'
export { BOT_PATTERNS, isBot } from './bots'
export { CHANNEL_ROWS, type ChannelRow, type KnownParam } from './channel-rows'
export { type Arrival, type CampaignLinkArrival, classifyTouch, directTouch } from './channels'
export { channelName, type DescribeLocale, describeTouches } from './describe-touch'
export {
  buildFunnel,
  conversionRate,
  FUNNEL_GROUPS,
  FUNNEL_MODELS,
  FUNNEL_RATES,
  FUNNEL_SORT_KEYS,
  FUNNEL_STEPS,
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
  sortFunnelRows,
} from './funnel'
export { escapeXml, FUNNEL_CHART_TEXT_EN, funnelChartSvg, type FunnelChartText } from './funnel-chart'
export { countConversions, countVisits, type FunnelConversion, type FunnelTouch, touchGroupKey } from './funnel-count'
export { funnelCsv, funnelCsvFilename } from './funnel-csv'
export { DEFAULT_FUNNEL_DAYS, type FunnelParams, FunnelQueryError, funnelSearch, parseFunnelQuery, rangeBounds } from './funnel-query'
export { safeRedirectTarget, type UtmValues, withUtm } from './safe-target'
export { type Channel, CHANNELS, isChannel, type Touch } from './touch'
export { createTouchRecorder, type LinkClickCount, type TouchRecorder, type TouchStore, type VisitorTouch } from './touch-recorder'
export { CONSENT_COOKIE, consentCookie, isVisitorId, newVisitorId, readCookie, VISITOR_COOKIE, visitorCookie } from './visitor'
