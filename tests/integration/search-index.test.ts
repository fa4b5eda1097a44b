import { readFile } from 'node:fs/promises'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadIndex, searchIndex } from '../../functions/search'
import { row } from './fixtures'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let searchIndexFile: (locale: string) => string

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  // Imported after startPayload set DATA_DIR: the index folder is read from it once.
  ;({ searchIndexFile } = await import('../../cms/search/rebuild'))
})
afterAll(async () => cleanup?.())

async function waitingRebuilds(): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'rebuildSearchIndex' } }, { completedAt: { exists: false } }] },
  })
  return totalDocs
}

async function search(locale: string, query: string): Promise<string[]> {
  const index = loadIndex(JSON.parse(await readFile(searchIndexFile(locale), 'utf8')))
  return searchIndex(index, query).results.map((r) => r.path)
}

describe('the search index job', () => {
  it('is queued once for a burst of publishes, never for a draft, and indexes what visitors may read', async () => {
    await payload.create({ collection: 'posts', data: { title: '草稿：斑马独角兽', slug: 'draft-only', _status: 'draft' }, draft: true })
    expect(await waitingRebuilds()).toBe(0)

    const post = await payload.create({
      collection: 'posts',
      data: row('posts', {
        title: '会员积分体系怎么设计',
        slug: 'loyalty-points',
        excerpt: '积分要让顾客觉得值得攒。',
        _status: 'published',
      }),
    })
    await payload.update({
      collection: 'posts',
      id: post.id,
      locale: 'en',
      data: { title: 'Designing loyalty points', excerpt: 'Points worth collecting.' },
    })
    await payload.create({
      collection: 'pages',
      data: row('pages', {
        title: '关于我们',
        path: 'about-us',
        _status: 'published',
        layout: [{ blockType: 'hero', heading: '私域从官网开始' }],
      }),
    })
    expect(await waitingRebuilds()).toBe(1)

    await payload.jobs.run({ queue: 'default' })
    expect(await waitingRebuilds()).toBe(0)
    expect(await search('zh-CN', '会员积分')).toEqual(['/blog/loyalty-points'])
    expect(await search('zh-CN', '私域')).toEqual(['/about-us'])
    expect(await search('en', 'loyalty')).toEqual(['/blog/loyalty-points'])
    // The draft is in neither file; the page has no English title, so it is not in the English index.
    expect(await search('zh-CN', '斑马独角兽')).toEqual([])
    expect(await readFile(searchIndexFile('zh-CN'), 'utf8')).not.toContain('斑马')
    expect(await search('en', 'about')).toEqual([])
  })

  it('takes out what is unpublished or deleted', async () => {
    const { docs } = await payload.find({ collection: 'posts', where: { slug: { equals: 'loyalty-points' } } })
    await payload.update({ collection: 'posts', id: docs[0]!.id, data: { _status: 'draft' } })
    const { docs: pages } = await payload.find({ collection: 'pages', where: { path: { equals: 'about-us' } } })
    await payload.delete({ collection: 'pages', id: pages[0]!.id })
    expect(await waitingRebuilds()).toBe(1)

    await payload.jobs.run({ queue: 'default' })
    expect(await search('zh-CN', '会员积分')).toEqual([])
    expect(await search('zh-CN', '私域')).toEqual([])
    expect(await search('en', 'loyalty')).toEqual([])
  })
})
