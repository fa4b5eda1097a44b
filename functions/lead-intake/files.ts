import type { FileKind } from './form-definition'

/** A file as it arrived in a multipart submission, before it is stored. */
export interface UploadedFile {
  filename: string
  size: number
  bytes: Uint8Array
}

const starts = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

// Recognised by their first bytes, because a browser's content type and a file's name are the sender's word.
const SIGNATURES: { kind: FileKind; mimeType: string; test: (b: Uint8Array) => boolean }[] = [
  { kind: 'pdf', mimeType: 'application/pdf', test: (b) => starts(b, ascii('%PDF-')) },
  { kind: 'image', mimeType: 'image/png', test: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { kind: 'image', mimeType: 'image/jpeg', test: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  { kind: 'image', mimeType: 'image/gif', test: (b) => starts(b, ascii('GIF87a')) || starts(b, ascii('GIF89a')) },
  { kind: 'image', mimeType: 'image/webp', test: (b) => starts(b, ascii('RIFF')) && starts(b, ascii('WEBP'), 8) },
  // docx, xlsx and pptx are zip containers; doc and xls the older OLE compound files.
  { kind: 'office', mimeType: 'application/zip', test: (b) => starts(b, [0x50, 0x4b, 0x03, 0x04]) },
  { kind: 'office', mimeType: 'application/x-ole-storage', test: (b) => starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
]

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    // Not valid UTF-8: not a text file we accept.
    return false
  }
}

/**
 * What a file is, judged by its content: its kind and the content type it is stored with, or null.
 * @example sniffFile(new TextEncoder().encode('%PDF-1.7 …')) // { kind: 'pdf', mimeType: 'application/pdf' }
 */
export function sniffFile(bytes: Uint8Array): { kind: FileKind; mimeType: string } | null {
  const known = SIGNATURES.find((s) => s.test(bytes))
  if (known) return { kind: known.kind, mimeType: known.mimeType }
  return bytes.length > 0 && isPlainText(bytes) ? { kind: 'text', mimeType: 'text/plain' } : null
}

/** A file name safe to store and show: no path, no control characters, at most 120 characters. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = base
    .replace(/[\u0000-\u001F\u007F<>:"|?*]/g, '')
    .trim()
    .slice(-120)
  return cleaned === '' || /^\.+$/.test(cleaned) ? 'file' : cleaned
}

/** True for the shape of a file a request parser hands over. */
export function isUploadedFile(value: unknown): value is UploadedFile {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as UploadedFile).bytes instanceof Uint8Array &&
    typeof (value as UploadedFile).filename === 'string'
  )
}
