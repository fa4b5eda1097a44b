// Adds N published posts (bench-post-0 …) to the database the environment points at.
import { row } from '../tests/integration/fixtures'

process.env.DISABLE_PAYLOAD_HMR = 'true'
const count = Number(process.argv[2] ?? 50)
const { getPayload } = await import('payload')
const { default: config } = await import('../cms/payload.config')
const payload = await getPayload({ config })
const paragraph = (text: string) => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
})
for (let i = 0; i < count; i++) {
  await payload.create({
    collection: 'posts',
    locale: 'zh-CN',
    data: row('posts', {
      title: `基准测试文章 ${i}`,
      slug: `bench-post-${i}`,
      excerpt: '用于测量渲染速度的文章。',
      _status: 'published',
      body: {
        root: {
          type: 'root',
          version: 1,
          direction: 'ltr',
          format: '',
          indent: 0,
          children: Array.from({ length: 12 }, (_, n) => paragraph(`第 ${n} 段：品牌自有渠道的内容营销与私域流量。`.repeat(4))),
        },
      },
    }),
  })
}
process.exit(0)

// A module, so that top-level await is allowed.
export {}
