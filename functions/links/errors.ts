/** What a links error is about, so that a form can show the message beside the right field. */
export type LinkErrorField = 'text' | 'color' | 'background' | 'margin' | 'size' | 'random'

/**
 * The base error of the links domain: an HTTP-like status and the field at fault, never the input itself.
 * @example new LinkError('The random source returned no bytes.', { status: 500, field: 'random' })
 */
export class LinkError extends Error {
  override name = 'LinkError'
  readonly status: number
  readonly data: { field: LinkErrorField }

  constructor(message: string, { status, field }: { status: number; field: LinkErrorField }) {
    super(message)
    this.status = status
    this.data = { field }
  }
}

/**
 * A QR code that cannot be drawn as asked (a colour that is not #rgb or #rrggbb, too little contrast, text too long, an unknown size);
 * status 422.
 * @example new QrError('The QR colour must be a hex colour such as #c0392b.', 'color')
 */
export class QrError extends LinkError {
  override name = 'QrError'

  constructor(message: string, field: LinkErrorField) {
    super(message, { status: 422, field })
  }
}
