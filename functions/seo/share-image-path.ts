/** Where generated share images are served: `/share-image/<page>.png`. */
export const SHARE_IMAGE_PREFIX = '/share-image/'

// The home page is named `home` in these URLs: a page can never have the path `home` other than
// the home page itself (the site serves it only at `/`), so the name is unambiguous.
const HOME = 'home'

/**
 * The URL path of the generated share image for the page at `pagePath`.
 * @example shareImagePath('/en/blog/launch', ['en']) // '/share-image/en/blog/launch.png'
 * @example shareImagePath('/en', ['en']) // '/share-image/en/home.png'
 */
export function shareImagePath(pagePath: string, localePrefixes: readonly string[]): string {
  const bare = pagePath.replace(/^\/+|\/+$/g, '')
  if (bare === '') return `${SHARE_IMAGE_PREFIX}${HOME}.png`
  return `${SHARE_IMAGE_PREFIX}${localePrefixes.includes(bare) ? `${bare}/${HOME}` : bare}.png`
}

/**
 * The page a share image URL's rest (after /share-image/) is of, or null when it is not one.
 * @example pagePathOfShareImage('en/home.png', ['en']) // '/en'
 */
export function pagePathOfShareImage(rest: string, localePrefixes: readonly string[]): string | null {
  if (!rest.endsWith('.png') || rest.length > 300) return null
  const bare = rest.slice(0, -'.png'.length)
  if (bare === HOME) return '/'
  const [first, ...others] = bare.split('/')
  if (first && localePrefixes.includes(first) && others.join('/') === HOME) return `/${first}`
  return `/${bare}`
}
