import { describe, expect, it } from 'vitest'

import type { PageDoc } from '../types'
import { actionButtons, featureCards, heroModel, notFoundLinks, pageBlocks } from './blocks'

const page = (layout: PageDoc['layout']): PageDoc => ({ id: 1, title: 'About', path: 'about', layout })

describe('pageBlocks', () => {
  it('makes an opening hero the page’s h1 and every other block an h2', () => {
    const { heroIsTitle, blocks } = pageBlocks(page([{ blockType: 'hero' }, { blockType: 'hero' }, { blockType: 'faq' }]))
    expect(heroIsTitle).toBe(true)
    expect(blocks.map((b) => [b.block.blockType, b.index, b.headingLevel])).toEqual([
      ['hero', 0, 1],
      ['hero', 1, 2],
      ['faq', 2, 2],
    ])
  })
  it('leaves the h1 to the view when the page does not open with a hero, or has no blocks', () => {
    expect(pageBlocks(page([{ blockType: 'richText' }, { blockType: 'hero' }])).blocks.map((b) => b.headingLevel)).toEqual([2, 2])
    expect(pageBlocks(page(null))).toEqual({ heroIsTitle: false, blocks: [] })
  })
})

describe('actionButtons', () => {
  it('keeps only buttons with a label and a safe href, in order', () => {
    const buttons = actionButtons(
      [
        { link: { type: 'url', url: 'https://brand.example/a', label: 'Go' } },
        { link: { type: 'url', url: 'javascript:alert(1)', label: 'Bad' } },
        { link: { type: 'url', url: 'https://brand.example/b', label: '' } },
        { link: { type: 'page', page: { path: 'contact' }, label: 'Contact' } },
      ],
      'en',
      'zh-CN',
    )
    expect(buttons).toEqual([
      { label: 'Go', href: 'https://brand.example/a' },
      { label: 'Contact', href: '/en/contact' },
    ])
    expect(actionButtons(null, 'en', 'zh-CN')).toEqual([])
  })
})

describe('featureCards', () => {
  it('gives a card a link only with both a label and a safe href', () => {
    const cards = featureCards({
      block: {
        cards: [
          { title: 'A', link: { type: 'url', url: 'https://brand.example/a', label: 'More' } },
          { title: 'B', link: { type: 'url', url: 'https://brand.example/b', label: null } },
          { title: 'C', link: { type: 'url', url: 'data:text/html,x', label: 'Bad' } },
          { title: 'D' },
        ],
      },
      locale: 'en',
      defaultLocale: 'zh-CN',
      index: 0,
    })
    expect(cards.map((c) => [c.title, c.link])).toEqual([
      ['A', { href: 'https://brand.example/a', label: 'More' }],
      ['B', null],
      ['C', null],
      ['D', null],
    ])
  })
})

describe('heroModel', () => {
  it('uses h1 only when asked, and the image’s focal point (the centre without one)', () => {
    const image = { id: 1, alt: '', focalX: 20, focalY: 70 }
    expect(heroModel({ block: { heading: 'Hi', image }, locale: 'en', defaultLocale: 'zh-CN', index: 0, headingLevel: 1 })).toEqual({
      Heading: 'h1',
      image,
      focus: '--fx: 20%; --fy: 70%',
    })
    // Deliberately an unpopulated image id where a media document belongs.
    expect(heroModel({ block: { heading: 'Hi', image: 7 as never }, locale: 'en', defaultLocale: 'zh-CN', index: 0 })).toEqual({
      Heading: 'h2',
      image: null,
      focus: '--fx: 50%; --fy: 50%',
    })
  })
})

describe('notFoundLinks', () => {
  it('points home and to the blog in the reader’s language', () => {
    expect(notFoundLinks('en', 'zh-CN')).toEqual({ home: '/en', blog: '/en/blog' })
    expect(notFoundLinks('zh-CN', 'zh-CN')).toEqual({ home: '/', blog: '/blog' })
  })
})
