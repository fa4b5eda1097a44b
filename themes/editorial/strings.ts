/** The words the editorial theme itself says, per locale; content comes from the CMS. */
const strings = {
  'zh-CN': {
    skip: '跳到正文',
    nav: '栏目',
    language: '语言',
    readMore: '阅读全文',
    newer: '较新的文章',
    older: '较早的文章',
    page: (n: number, total: number) => `第 ${n} 页，共 ${total} 页`,
    by: '文',
    filedUnder: '栏目',
    noPosts: '这里还没有文章，稍后再来看看。',
    notFoundKicker: '404 · 页面不存在',
    notFoundTitle: '这一页不在刊中',
    notFoundText: '您要找的页面可能已经移动或下架。可以回到首页，或翻阅全部文章。',
    home: '回到首页',
    blog: '翻阅全部文章',
    preview: '预览草稿：访客看不到这个版本。',
    exitPreview: '退出预览',
    follow: '关注我们',
    latest: '最新一期',
  },
  en: {
    skip: 'Skip to content',
    nav: 'Sections',
    language: 'Language',
    readMore: 'Read the story',
    newer: 'Newer stories',
    older: 'Older stories',
    page: (n: number, total: number) => `Page ${n} of ${total}`,
    by: 'Words by',
    filedUnder: 'Filed under',
    noPosts: 'Nothing published here yet; come back soon.',
    notFoundKicker: '404 · Page not found',
    notFoundTitle: 'This page is not in the issue',
    notFoundText: 'The page you wanted may have moved or been withdrawn. Start again from the front page, or browse every story.',
    home: 'Front page',
    blog: 'Browse every story',
    preview: 'Previewing a draft: visitors do not see this version.',
    exitPreview: 'Exit preview',
    follow: 'Follow us',
    latest: 'Latest',
  },
}

export type Strings = (typeof strings)['en']

/** The theme's words in `locale`, English when the locale is unknown. */
export function stringsFor(locale: string): Strings {
  return (strings as Record<string, Strings>)[locale] ?? strings.en
}
