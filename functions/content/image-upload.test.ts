import { describe, expect, it } from 'vitest'

import { IMAGE_UPLOAD_LIMITS, type ImageHeader, type ImageUploadRefusal, judgeImageUpload, tooLargeMessage } from './image-upload'

const MB = 1024 * 1024
const photo: ImageHeader = { format: 'jpeg', width: 4000, height: 3000 }

describe('judgeImageUpload', () => {
  const accepted: [string, ImageHeader][] = [
    ['a JPEG photo', photo],
    ['a PNG', { format: 'png', width: 1200, height: 800 }],
    ['a WebP', { format: 'webp', width: 1920, height: 1080 }],
    ['an AVIF (HEIF with AV1)', { format: 'heif', compression: 'av1', width: 800, height: 600 }],
    ['an animated GIF of 10 frames under the limit', { format: 'gif', width: 500, height: 500, pages: 10 }],
    ['exactly 50 megapixels', { format: 'png', width: 10_000, height: 5_000 }],
  ]
  it.each(accepted)('accepts %s', (_, header) => {
    expect(judgeImageUpload({ bytes: 2 * MB, header })).toBeNull()
  })

  it('accepts a file of exactly 20 MB', () => {
    expect(judgeImageUpload({ bytes: 20 * MB, header: photo })).toBeNull()
  })

  const refused: [string, Parameters<typeof judgeImageUpload>[0], Pick<ImageUploadRefusal, 'status' | 'reason'>][] = [
    ['a byte over 20 MB', { bytes: 20 * MB + 1, header: photo }, { status: 413, reason: 'too-large' }],
    ['a file the parser cut off at its limit', { bytes: 20 * MB, truncated: true, header: photo }, { status: 413, reason: 'too-large' }],
    ['text with an image name (sharp found no image)', { bytes: 40, header: null }, { status: 415, reason: 'not-an-image' }],
    ['a header without a format', { bytes: 40, header: {} }, { status: 415, reason: 'not-an-image' }],
    ['an image without dimensions', { bytes: 40, header: { format: 'png', width: 0, height: 0 } }, { status: 415, reason: 'not-an-image' }],
    ['an SVG', { bytes: 400, header: { format: 'svg', width: 10, height: 10 } }, { status: 415, reason: 'unsupported-format' }],
    ['a TIFF', { bytes: 400, header: { format: 'tiff', width: 10, height: 10 } }, { status: 415, reason: 'unsupported-format' }],
    [
      'a HEIC (HEIF with HEVC)',
      { bytes: 400, header: { format: 'heif', compression: 'hevc', width: 10, height: 10 } },
      { status: 415, reason: 'unsupported-format' },
    ],
    [
      'a 10000 × 10000 PNG (100 megapixels)',
      { bytes: 300_000, header: { format: 'png', width: 10_000, height: 10_000 } },
      { status: 422, reason: 'too-many-pixels' },
    ],
    [
      'one pixel over 50 megapixels',
      { bytes: 300_000, header: { format: 'png', width: 10_000, height: 5_001 } },
      { status: 422, reason: 'too-many-pixels' },
    ],
    [
      'a GIF whose frames add up past the limit',
      { bytes: 300_000, header: { format: 'gif', width: 2000, height: 2000, pages: 13 } },
      { status: 422, reason: 'too-many-pixels' },
    ],
  ]
  it.each(refused)('refuses %s', (_, facts, expected) => {
    expect(judgeImageUpload(facts)).toMatchObject(expected)
  })

  it('never rounds a file just over the limit down to the limit', () => {
    expect(judgeImageUpload({ bytes: 20 * MB + 1, header: photo })?.message).toMatch(
      /^The file is 20\.1 MB; the media library accepts at most 20 MB\./,
    )
  })

  it('checks the size before reading anything else', () => {
    expect(judgeImageUpload({ bytes: 21 * MB, header: null })?.reason).toBe('too-large')
  })

  it('says what happened and what to do, in exact words', () => {
    expect(judgeImageUpload({ bytes: 25 * MB, header: photo })?.message).toBe(
      'The file is 25 MB; the media library accepts at most 20 MB. Export a smaller version (2000 to 4000 pixels wide is plenty ' +
        'for the site) and upload it again.',
    )
    expect(judgeImageUpload({ bytes: 40, header: null })?.message).toBe(
      'The file is not an image or a PDF: its content is not JPEG, PNG, WebP, AVIF or GIF, nor PDF, whatever its name says. ' +
        'Upload one of those.',
    )
    expect(judgeImageUpload({ bytes: 40, header: { format: 'tiff', width: 1, height: 1 } })?.message).toBe(
      'The file is a TIFF image; the site shows JPEG, PNG, WebP, AVIF or GIF. Convert it to one of those and upload it again.',
    )
    expect(judgeImageUpload({ bytes: 40, header: { format: 'png', width: 10_000, height: 10_000 } })?.message).toBe(
      'The image is 10000 × 10000 pixels (100 megapixels); images may have at most 50 megapixels. Resize it and upload it again.',
    )
    expect(judgeImageUpload({ bytes: 40, header: { format: 'gif', width: 2000, height: 2000, pages: 13 } })?.message).toBe(
      'The image is 2000 × 2000 pixels in 13 frames (52 megapixels); images may have at most 50 megapixels. Resize it and upload it again.',
    )
  })

  it('takes other limits', () => {
    expect(judgeImageUpload({ bytes: 2 * MB, header: photo }, { maxBytes: MB, maxPixels: IMAGE_UPLOAD_LIMITS.maxPixels })?.status).toBe(413)
    expect(judgeImageUpload({ bytes: 100, header: photo }, { maxBytes: MB, maxPixels: 1_000_000 })?.status).toBe(422)
  })
})

describe('tooLargeMessage', () => {
  it('names the limit when the size is unknown', () => {
    expect(tooLargeMessage()).toBe(
      'The file is larger than 20 MB, the most the media library accepts. Export a smaller version (2000 to 4000 pixels wide is ' +
        'plenty for the site) and upload it again.',
    )
  })
})
