/** The themes under `themes/`; site settings pick one by name. The first is the default. */
export const THEMES = ['classic', 'editorial'] as const
export type ThemeName = (typeof THEMES)[number]

/** What the site settings' theme select calls each theme, in the admin's languages. */
export const THEME_LABELS: Record<ThemeName, { en: string; zh: string }> = {
  classic: { en: 'Classic: clean, one column on phones, rounded cards', zh: '经典：简洁，手机单栏，圆角卡片' },
  editorial: {
    en: 'Editorial: magazine masthead, serif headlines, wide images',
    zh: '杂志：报头式页眉，衬线标题，通栏大图',
  },
}
