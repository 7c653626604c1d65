// Lint rules, including the architecture's import arrows: each folder may import only the
// folders further in (core ← normalize ← match/sources/rules/store ← engine ← server/cli/web).
import js from '@eslint/js';
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
