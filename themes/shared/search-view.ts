// What the search page shows, and its words in each locale. Shared by every theme: the page is
// rendered inside the theme's layout and styled with its design tokens.
import type { SearchPage } from '../../functions/search'

/** Props of SearchView.astro. */
export interface SearchViewProps {
  locale: string
  defaultLocale: string
  /** The query as typed, trimmed; '' when none. */
  query: string
  /** Where the search form sends its GET: `/search` in the locale. */
  action: string
  /** noQuery: nothing asked yet; results; empty: nothing found; unavailable: the index is not built yet. */
  state: 'noQuery' | 'results' | 'empty' | 'unavailable'
  found?: SearchPage
}

const strings = {
  'zh-CN': {
    search: '搜索',
    label: '搜索本站',
    placeholder: '搜索文章和页面',
    submit: '搜索',
    heading: (q: string) => (q ? `搜索：${q}` : '搜索'),
    noQuery: '输入关键词，搜索本站的文章和页面。例如：私域流量、品牌价值、会员积分。',
    count: (n: number) => `找到 ${n} 条结果`,
    empty: (q: string) => `没有找到与“${q}”相关的内容。`,
    tips: ['检查一下有没有错别字；', '换一个更常用的说法，或者少用几个词；', '也可以浏览博客里的全部文章。'],
    browse: '浏览博客',
    unavailable: '搜索正在准备中，请稍后再试。',
    post: '文章',
    page: '页面',
    previous: '上一页',
    next: '下一页',
    pageOf: (n: number, total: number) => `第 ${n} 页，共 ${total} 页`,
    suggestions: '搜索建议',
  },
  en: {
    search: 'Search',
    label: 'Search this site',
    placeholder: 'Search articles and pages',
    submit: 'Search',
    heading: (q: string) => (q ? `Search: ${q}` : 'Search'),
    noQuery: 'Type a few words to search the articles and pages of this site, for example: loyalty points, brand value.',
    count: (n: number) => (n === 1 ? '1 result' : `${n} results`),
    empty: (q: string) => `Nothing matched “${q}”.`,
    tips: ['Check the spelling.', 'Try a more common word, or fewer words.', 'Or browse every article on the blog.'],
    browse: 'Browse the blog',
    unavailable: 'Search is being prepared; please try again in a moment.',
    post: 'Article',
    page: 'Page',
    previous: 'Previous',
    next: 'Next',
    pageOf: (n: number, total: number) => `Page ${n} of ${total}`,
    suggestions: 'Suggestions',
  },
}

export type SearchStrings = (typeof strings)['en']

/** The search words in `locale`, English when the locale is unknown. */
export function searchStrings(locale: string): SearchStrings {
  return (strings as Record<string, SearchStrings>)[locale] ?? strings.en
}

/** The page title of a search: the query when there is one. */
export function searchTitle({ locale, query }: Pick<SearchViewProps, 'locale' | 'query'>): string {
  return searchStrings(locale).heading(query)
}

/** The address of another page of the same search. */
export function searchPageHref(action: string, query: string, page: number): string {
  const params = new URLSearchParams({ q: query })
  if (page > 1) params.set('page', String(page))
  return `${action}?${params}`
}
