// The layering rules alone, on TypeScript without type information: what the architecture test
// probes. The rules themselves live in eslint.layers.mjs, shared with the repository's lint.
import tseslint from 'typescript-eslint';
import { LAYER_RULES } from '../../eslint.layers.mjs';

export default [
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    languageOptions: { parser: tseslint.parser },
  },
  ...LAYER_RULES,
];
