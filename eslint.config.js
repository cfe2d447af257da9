// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Room boundaries from DESIGN.md, enforced here so a wrong import fails `npm test`:
 * shared/ is pure (no Node, DOM, Electron or other rooms); renderer/ reaches the engine only
 * through window.vangnet; core/ and server/ never import electron or the UI.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const room = (name) => [`**/${name}/**`, `../${name}`, `../../${name}`, `../../../${name}`];
const forbid = (patterns, message) => ({ group: patterns, message });

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'renderer/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure: no Node built-ins (DESIGN.md, Rooms).' })),
          patterns: [
            forbid([...room('core'), ...room('renderer'), ...room('electron'), ...room('server'), ...room('test')], 'shared/ may not import another room.'),
            forbid(['electron', 'react', 'react-dom', 'better-sqlite3', 'pino', 'ws'], 'shared/ may import only pure npm libraries.'),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'renderer/ runs in the browser: no Node built-ins.' })),
          patterns: [
            forbid([...room('core'), ...room('electron'), ...room('server')], 'renderer/ reaches the engine only through window.vangnet (DESIGN.md).'),
            forbid(['electron', 'better-sqlite3', 'pino', 'ws'], 'renderer/ may not import Node or Electron libraries.'),
          ],
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts', 'server/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid([...room('renderer'), ...room('electron'), ...room('test')], 'core/ and server/ are plain Node: no UI, no Electron.'),
            forbid(['electron', 'react', 'react-dom'], 'core/ and server/ are plain Node: no UI, no Electron.'),
          ],
        },
      ],
    },
  },
  {
    // DESIGN.md storage: a second writer (the CLI beside the app) must wait, not fail with SQLITE_BUSY.
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts', 'core/store/transaction.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'Write through writeTransaction() (core/store/transaction.ts): BEGIN IMMEDIATE, and refused on a damaged store.',
        },
        {
          selector: 'Literal[value=/^\\s*BEGIN\\b/i]',
          message: 'Write through writeTransaction() (core/store/transaction.ts) instead of a hand-written BEGIN.',
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [forbid(room('core'), 'server/ may import only shared/.')] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Only electron/main/ipc.ts and electron/preload/index.ts touch IPC.' }],
          patterns: [forbid([...room('renderer'), ...room('server')], 'electron/ may import core/ (to start it) and shared/ only.')],
        },
      ],
    },
  },
  {
    files: ['electron/main/ipc.ts', 'electron/preload/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [forbid([...room('renderer'), ...room('server')], 'electron/ may import core/ (to start it) and shared/ only.')] }],
    },
  },
  {
    files: ['test/**/*.ts', '*.config.{ts,js}', 'build/**/*.mjs', 'bin/**/*.mjs', 'server/bin/**/*.mjs', '**/*.test.ts', '**/testSupport.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
);
