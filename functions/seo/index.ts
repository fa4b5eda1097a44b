// Search engines and share cards: page heads, sitemaps, robots.txt, RSS, share images and links,
// canonical paths and editors' redirects. Framework-free: the site passes content and sharp in.
export { absoluteUrl } from './absolute-url'
export { canonicalPath, UNTOUCHED_PREFIXES, withQuery } from './canonical-path'
export {
  articleJsonLd,
  breadcrumbJsonLd,
  type Crumb,
  type JsonLdNode,
  organizationId,
  organizationJsonLd,
  serializeJsonLd,
} from './json-ld'
export {
  MAX_DESCRIPTION,
  pageDescription,
  type PageHead,
  pageHead,
  type PageMetaInput,
  pageTitle,
  type ShareImage,
  type SiteIdentity,
} from './page-meta'
export {
  createRedirectTable,
  isOffsiteTarget,
  MAX_REDIRECT_LENGTH,
  normalizeRedirectFrom,
  type RedirectAnswer,
  redirectFor,
  redirectFromProblem,
  type RedirectRule,
  type RedirectTable,
  redirectTargetProblem,
} from './redirects'
export { PRIVATE_PATHS, robotsTxt } from './robots'
export { ATOM_NS, type FeedChannel, type FeedItem, rfc822, rssXml } from './rss'
export {
  hasCjk,
  renderShareImage,
  SHARE_IMAGE_HEIGHT,
  SHARE_IMAGE_WIDTH,
  type ShareImageInput,
  shareImageKey,
  shareImageSvg,
  type SharpForPng,
  wrapTitle,
} from './share-image'
export { createShareImageCache, type ShareImageCache } from './share-image-cache'
export { pagePathOfShareImage, SHARE_IMAGE_PREFIX, shareImagePath } from './share-image-path'
export { type ShareLink, shareLinks, type SharePlatform } from './share-links'
export {
  type ContentUrl,
  contentUrls,
  type IndexedDoc,
  type Localize,
  type LocalizedUrl,
  type PerLocale,
  type SiteContent,
  sitemapUrls,
} from './site-urls'
export { lastmodOf, MAX_SITEMAP_URLS, SITEMAP_NS, sitemapIndexXml, type SitemapRef, type SitemapUrl, sitemapXml, XHTML_NS } from './sitemap'
export { firstText, oneLine, truncate } from './text'
export { isPublicContent, type Publishable } from './visibility'
export { escapeXml } from './xml'
