import type { CollectionConfig } from 'payload'

import { isOffsiteTarget, normalizeRedirectFrom, redirectFromProblem, redirectTargetProblem } from '../../functions/seo'
import { canEditContent, isAdminField, isCmsUser } from '../access/roles'
import { siteUrl } from '../environment'
import { bumpAfterChange, bumpAfterDelete } from '../hooks/bumpContentVersion'

/**
 * Old addresses that send visitors on: applied by the site before it renders anything
 * (site/lib/redirects.ts). Visitors never read this collection through the API; the site reads it
 * as itself.
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  labels: { singular: { en: 'Redirect', zh: '重定向' }, plural: { en: 'Redirects', zh: '重定向' } },
  admin: { useAsTitle: 'from', defaultColumns: ['from', 'to', 'status', 'updatedAt'], group: { en: 'Settings', zh: '设置' } },
  access: { create: canEditContent, read: isCmsUser, update: canEditContent, delete: canEditContent },
  hooks: { afterChange: [bumpAfterChange], afterDelete: [bumpAfterDelete] },
  fields: [
    {
      name: 'from',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: {
        description: {
          en:
            'The old path on this site, such as /old-page or /en/old-page. Stored in lower case without a trailing slash; ' +
            'a query string is ignored.',
          zh: '本站的旧路径，例如 /old-page 或 /en/old-page。保存为小写、不带结尾斜杠；查询参数会被忽略。',
        },
      },
      hooks: {
        // Stored in the form requests are matched in, so /Old/ and /old are one redirect, not two.
        beforeValidate: [({ value }) => normalizeRedirectFrom(value) ?? value],
      },
      validate: (value: string | null | undefined) => {
        const from = normalizeRedirectFrom(value)
        if (from === null) return 'Give a path on this site starting with a single /, such as /old-page (or paste its full URL).'
        return redirectFromProblem(from) ?? true
      },
    },
    {
      name: 'to',
      type: 'text',
      required: true,
      admin: {
        description: {
          en: "A path on this site (/new-page) or a full URL (https://…). The visitor's query string is kept.",
          zh: '本站路径（/new-page）或完整网址（https://…）。访客的查询参数会保留。',
        },
      },
      hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim() : value)] },
      validate: (value: string | null | undefined, { siblingData }: { siblingData: Partial<{ from: string; allowOffsite: boolean }> }) => {
        const problem = redirectTargetProblem(value)
        if (problem) return problem
        if (siblingData.allowOffsite !== true && isOffsiteTarget(String(value).trim(), siteUrl))
          return 'Only an admin can send visitors to another site: ask one to tick "Allow off-site", or give a path on this site.'
        const from = normalizeRedirectFrom(siblingData.from)
        const target = typeof value === 'string' && value.startsWith('/') ? normalizeRedirectFrom(value) : null
        return from === null || target !== from || 'This redirect points to its own path and would loop; choose another target.'
      },
    },
    {
      name: 'allowOffsite',
      type: 'checkbox',
      defaultValue: false,
      // Only admins may send the brand's domain elsewhere, as with campaign links: an editor's redirect must not become an open redirect.
      access: { create: isAdminField, update: isAdminField },
      admin: {
        description: { en: 'Allow a target on another site (admins only).', zh: '允许跳转到其他网站（仅管理员）。' },
      },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: '301',
      options: [
        {
          label: { en: '301 Moved permanently (search engines move rankings)', zh: '301 永久移动（搜索引擎转移排名）' },
          value: '301',
        },
        { label: { en: '302 Found (temporary)', zh: '302 临时跳转' }, value: '302' },
      ],
    },
  ],
}
