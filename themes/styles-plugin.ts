import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Plugin } from 'vite'

import { THEMES } from '../functions/content/themes'

// Astro puts the CSS of every component in a page's import graph on that page, and the site
// imports every theme: each page carried both themes' scoped styles. This plugin takes a theme's
// component styles out of Astro's page bundle and offers them, still scoped and minified, as one
// string (`virtual:theme-styles/<theme>`) that the theme's Layout inlines beside its tokens, so a
// page carries only the theme it renders in. Shared components (themes/shared) keep Astro's way.

const PREFIX = 'virtual:theme-styles/'
const themesDir = fileURLToPath(new URL('.', import.meta.url))
// What Astro's compiled component imports for each of its <style> blocks.
const STYLE_IMPORT = /import\s*(["'])([^"']+\?astro&type=style&index=\d+&lang\.css)\1;?/g

/** The theme a file belongs to, or null for shared components and files outside themes/. */
function themeOf(file: string): string | null {
  if (!file.startsWith(themesDir)) return null
  const [name = ''] = file.slice(themesDir.length).split('/')
  return (THEMES as readonly string[]).includes(name) ? name : null
}

function astroFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.astro'))
    .sort()
    .map((file) => join(dir, file))
}

/** Vite plugin: each theme's component CSS as a string module instead of page stylesheets. */
export function themeStyles(): Plugin {
  // Compiled component → the style modules its <style> blocks became.
  const stylesOf = new Map<string, string[]>()
  return {
    name: 'brand:theme-styles',
    enforce: 'post',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null
      const theme = id.slice(PREFIX.length + 1)
      if (!(THEMES as readonly string[]).includes(theme)) this.error(`Unknown theme "${theme}" in ${id.slice(1)}.`)
      const imports: string[] = []
      for (const file of astroFiles(join(themesDir, theme))) {
        // Compiling the component first fills Astro's metadata that its style modules read.
        await this.load({ id: file })
        // In `astro dev`, editing a component's <style> reloads this module too.
        this.addWatchFile(file)
        for (const style of stylesOf.get(file) ?? []) imports.push(style.replace('?', '?inline&'))
      }
      const names = imports.map((_, i) => `css${i}`)
      return [
        ...imports.map((style, i) => `import ${names[i]} from ${JSON.stringify(style)}`),
        `export default ${names.length ? names.join(' + ') : '""'}`,
      ].join('\n')
    },
    transform(code, id) {
      if (!id.endsWith('.astro') || !themeOf(id)) return null
      const styles: string[] = []
      const stripped = code.replace(STYLE_IMPORT, (_, _quote, style: string) => {
        styles.push(style)
        return ''
      })
      stylesOf.set(id, styles)
      return styles.length ? { code: stripped, map: null } : null
    },
  }
}
