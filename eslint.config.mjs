// Lint rules: typescript-eslint's recommended set, plus the layering invariant that the
// engine (server/src/analysis) stays pure: no vscode-*, no node built-ins.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'out/', 'samples/', 'test-results/', '.e2e-cache/', '.vscode-test/'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  // The engine's folders nest (`analysis/dates/handlers/`): at each depth, a path that climbs
  // out of `analysis/` is refused.
  ...[
    ['server/src/analysis/*.ts', '../'],
    ['server/src/analysis/*/*.ts', '../../'],
    ['server/src/analysis/*/*/*.ts', '../../../'],
  ].map(([files, up]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vscode*', 'vscode-*'], message: 'The engine knows nothing of LSP or VS Code.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'The engine does no I/O.' },
            { group: [`${up}*`, `!${up}analysis/*`], message: 'The engine imports only from itself.' },
          ],
        },
      ],
    },
  })),
);
