import { classic } from '../../themes/classic'
import type { Theme } from '../../themes/theme'

const themes: Record<string, Theme> = { classic }

/** The theme named in site settings; the first theme if the name is unknown (e.g. a theme was removed). */
export function themeNamed(name: string): Theme {
  return themes[name] ?? classic
}
