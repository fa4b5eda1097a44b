/** The words the classic theme itself says, per locale; content comes from the CMS. */
const strings = {
  'zh-CN': {
    skip: '跳到正文',
    nav: '主导航',
    language: '语言',
    readMore: '阅读全文',
    previous: '上一页',
    next: '下一页',
    page: (n: number, total: number) => `第 ${n} 页，共 ${total} 页`,
    by: '作者',
    categories: '分类',
    noPosts: '还没有文章。',
    notFoundTitle: '找不到这个页面',
    notFoundText: '您访问的地址不存在，可能已被移动或删除。',
    home: '返回首页',
    blog: '浏览博客',
    preview: '预览草稿：访客看不到这个版本。',
    exitPreview: '退出预览',
    follow: '关注我们',
  },
  en: {
    skip: 'Skip to content',
    nav: 'Main navigation',
    language: 'Language',
    readMore: 'Read more',
    previous: 'Previous',
    next: 'Next',
    page: (n: number, total: number) => `Page ${n} of ${total}`,
    by: 'By',
    categories: 'Categories',
    noPosts: 'No posts yet.',
    notFoundTitle: 'Page not found',
    notFoundText: 'The address you followed does not exist; it may have moved or been removed.',
    home: 'Back to the home page',
    blog: 'Browse the blog',
    preview: 'Previewing a draft: visitors do not see this version.',
    exitPreview: 'Exit preview',
    follow: 'Follow us',
  },
}

export type Strings = (typeof strings)['en']

/** The theme's words in `locale`, English when the locale is unknown. */
export function stringsFor(locale: string): Strings {
  return (strings as Record<string, Strings>)[locale] ?? strings.en
}
