import { execFile } from 'node:child_process'
import path from 'node:path'

import sharp from 'sharp'

import { dataDir } from '../../cms/environment'
import { createShareImageCache, renderShareImage } from '../../functions/seo'

/** Generated share images, kept under the data folder so they survive restarts and are shared by site processes. */
export const shareImages = createShareImageCache({
  dir: path.join(dataDir, 'share-images'),
  render: (input) => renderShareImage(input, sharp),
})

let cjk: Promise<boolean> | null = null

/**
 * Whether fontconfig knows a font with Chinese glyphs (`fc-list :lang=zh`); checked once per process.
 * Without one, share images show the host name instead of boxes where Chinese characters should be.
 */
export function canRenderCjk(): Promise<boolean> {
  cjk ??= new Promise((resolve) => {
    execFile('fc-list', [':lang=zh', 'family'], { timeout: 5000 }, (error, stdout) => {
      if (error) {
        // No fontconfig tools: librsvg may still find fonts, but we cannot know, so stay safe.
        console.warn(
          'fc-list is not available; share images will not draw Chinese text. Install fontconfig and a CJK font (e.g. fonts-noto-cjk).',
        )
        resolve(false)
        return
      }
      const found = stdout.trim() !== ''
      if (!found)
        console.warn(
          'No font with Chinese glyphs is installed (fc-list :lang=zh is empty); share images show the site name instead of ' +
            'Chinese titles. Install fonts-noto-cjk or fonts-wqy-microhei.',
        )
      resolve(found)
    })
  })
  return cjk
}
