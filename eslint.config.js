// ESLint flat config: typescript-eslint + eslint-plugin-svelte, and the layer rules of STYLE.md §1.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'data/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `typeof import('…')` stays allowed: vi.mock's importOriginal needs it.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      // Tests and benches print figures on purpose.
      'no-console': 'off'
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } }
  },
  {
    // The engine is pure: no console, and nothing from the app, worker, CLI or any package.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['*/app/*', '*/worker/*', '*/cli/*', '*/charts/*'],
              message: 'src/engine imports only engine and scenario modules.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/app/**/*.{ts,svelte}'],
    rules: { 'no-console': 'error' }
  },
  {
    files: ['src/cli/**/*.ts', 'src/charts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['*/app/*', '*/worker/*'],
              message: 'The CLI and chart maths do not import the app or the worker.'
            }
          ]
        }
      ]
    }
  }
);
