/** The widths every uploaded image is resized to, in WebP and AVIF. */
export const RESPONSIVE_WIDTHS = [480, 960, 1440, 1920] as const
