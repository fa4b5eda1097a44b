// For plain TypeScript (tsc, Vitest): an .astro file's default export is a component. Astro's own
// tooling types each component's props; this only lets .ts files import them.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory
  export default Component
}

// themes/styles-plugin.ts: one theme's component styles, scoped and minified, as one string.
declare module 'virtual:theme-styles/*' {
  const css: string
  export default css
}
