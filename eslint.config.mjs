// One lint for the whole repository: typescript-eslint with type information, so the habits the
// code already has (awaited promises, type-only imports, exhaustive switches) stay checked.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The house rules that keep the layers apart (they were architecture tests; here the editor says them too).
const SERVER_ONLY = [
  { name: '@forge/api', message: 'The screens run in the browser: Jira is read by the resolvers.' },
  { name: '@forge/kvs', message: 'The screens run in the browser: storage belongs to the resolvers.' },
  { name: '@forge/resolver', message: 'The screens run in the browser: resolvers run on Forge.' },
];
const SCREEN_PATTERNS = [
  {
    group: ['**/src/jira/**', '**/src/resolvers/**', '**/src/storage/**', '**/src/index'],
    message: 'Back-end code stays on the server; the screens reach it through invoke.',
  },
  {
    group: ['**/src/contract/invoke'],
    allowTypeImports: true,
    message: 'The screens share the contract by type only: use `import type`.',
  },
];
const screenImports = (bridgeAllowed) => [
  'error',
  {
    paths: bridgeAllowed
      ? SERVER_ONLY
      : [
          ...SERVER_ONLY,
          {
            name: '@forge/bridge',
            message: 'Only shared/api.ts, shared/theme.ts and shared/navigation.ts talk to @forge/bridge.',
          },
        ],
    patterns: SCREEN_PATTERNS,
  },
];
const BRIDGE_MODULES = ['static/src/shared/api.ts', 'static/src/shared/theme.ts', 'static/src/shared/navigation.ts'];

export default defineConfig(
  {
    ignores: ['node_modules/', 'static/dist/', 'test-output/', '.local/', 'coverage/'],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // A leading underscore names a parameter a signature needs and the body does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // `onClick={() => setOpen(true)}` is how React code reads; a block body there adds noise, not safety.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Template literals carry numbers and dates in every message the app writes; strict's
      // default (strings only) would force String() around each one without catching a bug.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
  {
    // The screens: React's rules of hooks, in the browser.
    files: ['static/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    languageOptions: { globals: globals.browser },
    rules: {
      // xcss is deprecated in favour of @atlaskit/css, which needs the Compiled build plugin in
      // Vite; until the screens move to it, xcss (still supported) is the one styling API here.
      '@typescript-eslint/no-deprecated': [
        'error',
        { allow: [{ from: 'package', package: '@atlaskit/primitives', name: 'xcss' }] },
      ],
    },
  },
  {
    files: ['static/src/**/*.{ts,tsx}'],
    ignores: BRIDGE_MODULES,
    rules: { '@typescript-eslint/no-restricted-imports': screenImports(false) },
  },
  {
    files: BRIDGE_MODULES,
    rules: { '@typescript-eslint/no-restricted-imports': screenImports(true) },
  },
  {
    // The engine is pure: issues, config and as-of day in, report out. No Forge, no Node, no edges, no clock.
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@forge/*'], message: 'The engine is pure: Forge belongs to the edges.' },
            { group: ['node:*'], message: 'The engine is pure: no Node APIs.' },
            {
              group: ['**/jira/**', '**/resolvers/**', '**/storage/**', '**/cli/**'],
              message: 'The engine is pure: the edges call it, never the reverse.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The engine never reads the clock: take the as-of day as an argument.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The engine never reads the clock: take the as-of day as an argument.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'dev/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // Tests may be looser: they build malformed Jira answers on purpose and reach into results
    // they have just checked the shape of, where a cast says more than a guard would.
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The few CommonJS files (jest's config, its reporter, stubs): plain JavaScript, no type information.
    files: ['**/*.{js,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['eslint.config.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
);
