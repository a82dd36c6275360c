// The house rules that keep the layers apart. They were architecture tests; as lint rules the
// editor says them as you type. Kept apart from eslint.config.mjs so test/architecture.test.ts can
// probe them quickly, without type information.
const SERVER_ONLY = [
  { name: '@forge/api', message: 'The screens run in the browser: Jira is read by the resolvers.' },
  { name: '@forge/kvs', message: 'The screens run in the browser: storage belongs to the resolvers.' },
  { name: '@forge/resolver', message: 'The screens run in the browser: resolvers run on Forge.' },
];
const SCREEN_PATTERNS = [
  {
    group: [
      '**/src/jira/**',
      '**/src/resolvers/**',
      '**/src/app/**',
      '**/src/storage/**',
      '**/src/errors',
      '**/src/concurrency',
      '**/src/index',
    ],
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

export const LAYER_RULES = [
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
              group: [
                '**/jira/**',
                '**/resolvers/**',
                '**/app/**',
                '**/storage/**',
                '**/cli/**',
                '**/errors',
                '**/concurrency',
              ],
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
    // The edges below the services: Jira reads and storage are called by the services and never
    // call up. Errors and concurrency live below them all (src/errors.ts, src/concurrency.ts).
    files: ['src/jira/**/*.ts', 'src/storage/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/resolvers/**', '**/app/**', '**/cli/**', '**/index'],
              message:
                'Jira reads and storage are below the services: they never import the services or the resolvers.',
            },
          ],
        },
      ],
    },
  },
  {
    // The services are called by the resolvers (and the report command), never the reverse.
    files: ['src/app/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/resolvers/**', '**/cli/**', '**/index'],
              message: 'The services are below the resolvers: Forge plumbing calls them, never the reverse.',
            },
          ],
        },
      ],
    },
  },
];
