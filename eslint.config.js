// One linter for the tree: typescript-eslint's recommended rules, sorted imports, and the layers of
// ARCHITECTURE.md as import rules (functions/ is the framework-free domain; themes/ see only
// functions/ and their own types; nothing in the domain reaches up into the apps).
import js from '@eslint/js'
import simpleImportSort from 'eslint-plugin-simple-import-sort'
import tseslint from 'typescript-eslint'

/** Import patterns a layer may not use, as gitignore-style groups with the reason shown on a hit. */
const forbid = (layers, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: layers.flatMap((layer) => [`**/${layer}/**`, `${layer}/**`]), message }] }],
})

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'cms/.next/**',
      'cms/payload-types.ts',
      'cms/migrations/**',
      'cms/app/(payload)/admin/importMap.js',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      '**/*.astro',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', Buffer: 'readonly', fetch: 'readonly' } },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `typeof import('…')` stays allowed: tests import the app after setting DATA_DIR, so a module's type is named before it is loaded.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // lunr's types are declared beside the search code and referenced by path.
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'always' }],
      // Sanitising text means naming control characters: the domain strips them on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['functions/**'],
    rules: forbid(
      ['site', 'cms', 'themes', 'scripts'],
      'functions/ is the domain: it receives collaborators as arguments and imports no app.',
    ),
  },
  { files: ['themes/**'], rules: forbid(['site', 'cms', 'scripts'], 'Themes depend only on themes/types.ts and functions/.') },
  { files: ['cms/**'], rules: forbid(['site', 'themes'], 'The CMS does not import the site or its themes.') },
)
