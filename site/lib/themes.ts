import type { ThemeName } from '../../functions/content/themes'
import { classic } from '../../themes/classic'
import { editorial } from '../../themes/editorial'
import type { Theme } from '../../themes/theme'

// Typed by THEMES, so that a theme offered in site settings cannot be missing here.
const themes: Record<ThemeName, Theme> = { classic, editorial }

/** The theme named in site settings; the first theme if the name is unknown (e.g. a theme was removed). */
export function themeNamed(name: string): Theme {
  return themes[name as ThemeName] ?? classic
}
