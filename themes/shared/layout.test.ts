import { describe, expect, it } from 'vitest'

import type { LayoutProps } from '../types'
import { layoutModel } from './layout'

const props = (change: Partial<LayoutProps> = {}, settings: Partial<LayoutProps['settings']> = {}): LayoutProps => ({
  locale: 'en',
  defaultLocale: 'zh-CN',
  meta: {} as LayoutProps['meta'],
  settings: { brandName: 'Cinnabar', brandColor: '#0b6623', ...settings },
  header: {
    items: [
      { link: { type: 'page', page: { path: 'about' }, label: 'About' } },
      { link: { type: 'url', url: 'javascript:alert(1)', label: 'Bad' } },
    ],
  },
  footer: { columns: [{ heading: 'Company', links: [{ link: { type: 'url', url: 'https://brand.example/jobs', label: 'Jobs' } }] }] },
  alternates: [],
  ...change,
})

describe('layoutModel', () => {
  it('links the navigation and the footer in the page’s language, dropping unsafe links', () => {
    const model = layoutModel(props())
    expect(model).toMatchObject({ brandColor: '#0b6623', homeHref: '/en', logoSrc: null, landing: false })
    expect(model.navItems).toEqual([{ label: 'About', href: '/en/about' }])
    expect(model.footer).toEqual({
      columns: [{ heading: 'Company', links: [{ label: 'Jobs', href: 'https://brand.example/jobs' }] }],
      social: [],
      smallPrint: '© Cinnabar',
    })
  })

  it.each(['red; background: url(//evil)', '', 'expression(alert(1))'])('never puts the brand colour %j into CSS', (brandColor) => {
    expect(layoutModel(props({}, { brandColor })).brandColor).toBe('#c8102e')
  })

  it('links a social account only when its URL is safe, and names the logo’s small WebP', () => {
    const model = layoutModel(
      props(
        { template: 'landing', footer: { smallPrint: '© 2026' } },
        {
          socialAccounts: [
            { channel: 'weibo', handle: '@cinnabar', url: 'https://weibo.com/cinnabar' },
            { channel: 'wechat', handle: 'cinnabar', url: 'javascript:alert(1)' },
          ],
          logo: { id: 1, alt: '', filename: 'logo.png', sizes: { webp480: { filename: 'logo-480.webp' } } },
        },
      ),
    )
    expect(model.footer.social).toEqual([
      { text: 'weibo: @cinnabar', href: 'https://weibo.com/cinnabar' },
      { text: 'wechat: cinnabar', href: null },
    ])
    expect(model.footer.smallPrint).toBe('© 2026')
    expect(model.landing).toBe(true)
    expect(model.logoSrc).toBe('/media/logo-480.webp')
  })
})
