import { describe, expect, it } from 'vitest'

import { blocksText, pageSearchDoc, postSearchDoc } from './documents'

const rich = (text: string) => ({ root: { children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] } })

describe('blocksText', () => {
  it('keeps the words of every block and leaves links, images and ids out', () => {
    const layout = [
      {
        blockType: 'hero',
        id: 'x1',
        heading: '私域从官网开始',
        text: '把顾客请回家',
        image: 7,
        actions: [{ link: { label: '联系我们', url: 'https://example.com' } }],
      },
      { blockType: 'richText', content: rich('Long form text.') },
      { blockType: 'featureCards', heading: 'Features', cards: [{ title: 'Fast', text: 'Pages load fast', link: { label: 'More' } }] },
      { blockType: 'faq', items: [{ question: 'Why?', answer: 'Because.' }] },
      { blockType: 'testimonials', items: [{ quote: 'Great', name: 'Li Wei', role: 'CMO', avatar: { url: '/media/a.png' } }] },
      { blockType: 'formSlot', heading: 'Talk to us', form: { id: 1, name: 'Contact', fields: [{ label: 'Email' }] } },
      'not a block',
      null,
    ]
    expect(blocksText(layout)).toBe(
      [
        '私域从官网开始',
        '把顾客请回家',
        'Long form text.',
        'Features',
        'Fast',
        'Pages load fast',
        'Why?',
        'Because.',
        'Great',
        'Li Wei',
        'CMO',
        'Talk to us',
      ].join('\n'),
    )
  })

  it.each([null, undefined, 'x', {}, 3])('reads %j as no text', (value) => {
    expect(blocksText(value)).toBe('')
  })
})

describe('search documents', () => {
  it('turns a post into a document with its path, plain body and category titles', () => {
    expect(
      postSearchDoc({
        id: 3,
        slug: 'a-post',
        title: 'A post',
        excerpt: 'Short',
        body: rich('Body text'),
        categories: [{ id: 1, title: 'Growth' }, 2],
        publishedAt: '2025-01-01T00:00:00.000Z',
      }),
    ).toEqual({
      id: 3,
      kind: 'post',
      path: '/blog/a-post',
      title: 'A post',
      excerpt: 'Short',
      body: 'Body text',
      categories: ['Growth'],
      date: '2025-01-01T00:00:00.000Z',
      visibility: null,
    })
  })

  it('turns a page into a document; the home page is at /', () => {
    expect(
      pageSearchDoc({ id: 1, path: 'home', title: 'Home', layout: [{ blockType: 'hero', heading: 'Hi' }], visibility: 'members' }),
    ).toEqual({
      id: 1,
      kind: 'page',
      path: '/',
      title: 'Home',
      excerpt: null,
      body: 'Hi',
      categories: [],
      date: null,
      visibility: 'members',
    })
    expect(pageSearchDoc({ id: 2, path: 'solutions/retail', title: 'Retail' }).path).toBe('/solutions/retail')
  })
})
