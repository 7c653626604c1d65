// Lint rules, including the architecture's import arrows: each folder may import only the
// folders further in (core ← normalize ← match/sources/rules/store ← engine ← server/cli/web).
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const deny = (...folders) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: folders.map((f) => ({
        group: [`**/${f}`, `**/${f}/**`],
        message: `this folder may not import from ${f}: imports point inward only`,
      })),
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'web/dist/**',
      'bench/node_modules/**',
      'tmp/**',
      'dist/**',
      'bench/.build/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  // No import cycles in src/ (type-only imports too: a cycle of types still ties the folders
  // together). A cycle makes a module's exports undefined while the cycle loads, depending on
  // which file was imported first; issue 18 removed the last one.
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })],
      // The files an import reaches are parsed as TypeScript too, or the rule cannot follow them.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/core/**'],
    rules: deny('normalize', 'match', 'sources', 'rules', 'store', 'engine', 'server', 'cli'),
  },
  {
    files: ['src/normalize/**'],
    rules: deny('match', 'sources', 'rules', 'store', 'engine', 'server', 'cli'),
  },
  {
    files: ['src/sources/**', 'src/store/**', 'src/match/**', 'src/rules/**'],
    rules: deny('engine', 'server', 'cli'),
  },
  { files: ['src/engine/**'], rules: deny('server', 'cli') },
  // The CLI, like the server, is a thin layer: it imports the core, the engine and the server
  // through their doors (index.ts), never a file behind one, and nothing further in.
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...deny('normalize', 'match', 'sources', 'rules', 'store')['no-restricted-imports'][1]
              .patterns,
            ...['core', 'engine', 'server'].map((f) => ({
              group: [`**/src/${f}/**`, `../${f}/**`, `../../${f}/**`, `!**/${f}/index.ts`],
              message: `the CLI reaches ${f}/ through its door, ${f}/index.ts`,
            })),
          ],
        },
      ],
    },
  },
  // The server is a thin layer over the engine: it may import the engine and the core only.
  {
    files: ['src/server/**'],
    rules: deny('normalize', 'match', 'sources', 'rules', 'store', 'cli'),
  },
  // The browser bundle takes only the shapes of src/ (type imports, erased by esbuild): a value
  // import would pull Node code into the page.
  {
    files: ['web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/**'],
              allowTypeImports: true,
              message: 'the web UI may import only types from src/',
            },
          ],
        },
      ],
    },
  },
);
