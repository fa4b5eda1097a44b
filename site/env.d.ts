/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The content stamp this request renders from (site/middleware.ts). */
    contentStamp?: string | null
    /** The CMS user previewing drafts, when a valid preview cookie came with the request. */
    previewUser?: import('./lib/cms').PreviewUser | null
    /** Set by a page that shows a members-only document: its cached version is for visitors without a member cookie only. */
    gated?: boolean
    /** Set by a page whose HTML is the same for every visitor and may be cached. */
    cacheable?: boolean
    /** A form submitted without JavaScript that was refused: its errors and the visitor's input, shown again. */
    formState?: { formId: string; errors: Record<string, string>; values: Record<string, unknown> } | null
  }
}
