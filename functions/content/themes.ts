/** The themes under `themes/`; site settings pick one by name. */
export const THEMES = ['classic'] as const
export type ThemeName = (typeof THEMES)[number]
