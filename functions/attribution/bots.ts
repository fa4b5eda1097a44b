/**
 * The one table of user agents that are not a person: crawlers, link-preview fetchers and scripts.
 * In-app browsers (WeChat's MicroMessenger, Weibo, Instagram, LinkedInApp) are people and match no row.
 * @example BOT_PATTERNS.some((p) => p.test('Googlebot/2.1')) // true
 */
export const BOT_PATTERNS: readonly RegExp[] = [
  // Generic words; "Cubot" is an Android phone maker, not a bot.
  /(?<!cu)bot\b/i,
  /spider/i,
  /crawl/i,
  // Search and AI crawlers whose names say it (kept for the record; most also match the words above).
  /googlebot|google-inspectiontool|storebot-google|adsbot-google|mediapartners-google|feedfetcher-google|google-read-aloud/i,
  /bingbot|bingpreview|baiduspider|yandex(?!search|browser)|sogou\S* ?(?:web )?spider/i,
  /360spider|haosouspider|yisouspider|bytespider|petalbot/i,
  /applebot|duckduckbot|ahrefs|semrush|mj12bot|dotbot|gptbot|chatgpt-user|oai-searchbot/i,
  /claudebot|claude-web|anthropic-ai|ccbot|perplexitybot|slurp/i,
  // Link-preview fetchers: a chat app reading a page's title and image, not a person reading it.
  /facebookexternalhit|facebot|meta-externalagent|twitterbot|linkedinbot|slackbot|slack-imgproxy|discordbot|telegrambot/i,
  /whatsapp|skypeuripreview|iframely|embedly|pinterestbot|redditbot|vkshare|w3c_validator/i,
  // Scripts and headless browsers.
  /curl\/|wget|python-requests|python-urllib|aiohttp|httpx|go-http-client|node-fetch|axios\/|okhttp|java\/|libwww-perl|scrapy|httpclient/i,
  /headlesschrome|phantomjs|lighthouse|pagespeed/i,
]

/**
 * Whether a request is not a person visiting: a HEAD request, an empty user agent or one in the bot table.
 * @example isBot('Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)') // true
 */
export function isBot(userAgent: string | null | undefined, method?: string): boolean {
  if (typeof method === 'string' && method.trim().toUpperCase() === 'HEAD') return true
  const ua = typeof userAgent === 'string' ? userAgent.trim() : ''
  if (!ua) return true
  return BOT_PATTERNS.some((pattern) => pattern.test(ua))
}
