import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The import table of docs/architecture §2, as lint rules: what each folder may not import.
 * A boundary crossed here is a build failure, not a review comment.
 */
const nodeBuiltins = { group: ['node:*'], message: 'Node built-ins belong in electron/core or the hosts, not here.' };
const electronPkg = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const upTo = (dir) => ({ group: [`**/${dir}/**`, `${dir}/**`], message: `This folder must not import from ${dir}/.` });

/**
 * One clock for the whole app: the core's (electron/core/clock.ts), which the renderer follows
 * (renderer/src/app/clock.ts). Asking the machine for the time anywhere else makes a screen, a
 * seed or a test depend on the day it runs.
 */
const clockRules = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Take the time from the clock (core: ctx.core.now(); renderer: app/clock.ts), never Date.now().',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Take the time from the clock (core: ctx.core.now(); renderer: app/clock.ts), never new Date().',
  },
  {
    selector: "CallExpression[callee.name='dayjs'][arguments.length=0]",
    message: 'Take the time from the clock (renderer: nowDayjs() in app/clock.ts), never dayjs().',
  },
];
const clockModules = ['electron/core/clock.ts', 'renderer/src/app/clock.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'playwright-report/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    ignores: clockModules,
    rules: { 'no-restricted-syntax': ['error', ...clockRules] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronPkg, { name: 'react', message: 'shared/ is pure.' }, { name: 'fs' }, { name: 'path' }],
          patterns: [nodeBuiltins, upTo('renderer'), upTo('electron')],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': ['error', { paths: [electronPkg], patterns: [nodeBuiltins, upTo('electron')] }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronPkg], patterns: [upTo('renderer'), upTo('main'), upTo('host'), upTo('preload')] },
      ],
    },
  },
  {
    files: ['electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronPkg], patterns: [upTo('renderer'), upTo('main'), upTo('preload')] },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [upTo('renderer')] }] },
  },
  {
    // The preload exposes the contract's channels and nothing else.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...clockRules,
        {
          selector: "MemberExpression[object.name='ipcRenderer'][property.name='sendSync']",
          message: 'No synchronous IPC.',
        },
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'The renderer gets no environment.',
        },
      ],
    },
  },
);
