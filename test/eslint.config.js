// @ts-check
// Lint, above all the import direction of DESIGN.md:
//   content -> pages/layouts/components -> widgets -> viz ; widgets -> cli -> sim
// src/sim runs in plain Node and knows nothing of the DOM, React, d3 or Astro;
// src/viz draws what it is given and never reaches for the simulator actor.
import tseslint from 'typescript-eslint';

const UI_PACKAGES = ['react', 'react/*', 'react-dom', 'react-dom/*', '@xstate/react', 'd3', 'd3-*', 'astro', 'astro/*', 'astro:*', '@astrojs/*'];
const DOM_GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'HTMLElement', 'requestAnimationFrame'].map(
  (name) => ({ name, message: 'src/sim and src/cli run in plain Node: no DOM. Pass what you need in as data.' }),
);

/** @param {string[]} names @param {string} message */
const banned = (names, message) => names.map((name) => ({ group: [name], message }));

export default tseslint.config(
  { ignores: ['dist/**', '.astro/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read API outputs, which are untyped JSON by nature.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...banned(UI_PACKAGES, 'src/sim is the pure simulation: no React, d3 or Astro (DESIGN.md, layers).'),
            ...banned(['**/widgets/**', '**/viz/**', '**/cli/**', '**/components/**', '~/*'], 'src/sim imports nothing from the layers above it.'),
          ],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...banned(UI_PACKAGES, 'src/cli parses and formats; it has no UI (DESIGN.md, layers).'),
            ...banned(['**/widgets/**', '**/viz/**', '**/components/**', '**/sim/actor/**', '~/*'], 'src/cli imports only src/sim (its public API).'),
          ],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    files: ['src/viz/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...banned(['xstate', '@xstate/react', '**/sim/actor/**', '**/widgets/**', 'astro', 'astro:*'], 'src/viz receives data and callbacks, never the actor (DESIGN.md).'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/widgets/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: banned(['astro', 'astro:*', '**/pages/**', '**/layouts/**'], 'Widgets are React islands; Astro wraps them, not the other way round.') }],
    },
  },
);
