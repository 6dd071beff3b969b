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

/** shared/ is pure: no Electron, React, Node or either side of the app. */
const sharedWall = {
  paths: [electronPkg, { name: 'react', message: 'shared/ is pure.' }, { name: 'fs' }, { name: 'path' }],
  patterns: [nodeBuiltins, upTo('renderer'), upTo('electron')],
};

/**
 * Inside shared/, layers each standing on the ones before it: base (errors, vocabulary, USCC and ID
 * checks, roles) → entities (the data shapes) → domain (the rules) → documents (the forms) → api (the
 * contract). i18n stands on base alone. A layer imports only what it stands on (and itself).
 */
const sharedLayers = {
  base: [],
  i18n: ['base'],
  entities: ['base'],
  domain: ['base', 'entities'],
  documents: ['base', 'entities', 'domain'],
  api: ['base', 'i18n', 'entities', 'domain', 'documents'],
};
const sharedLayerRules = Object.entries(sharedLayers).map(([layer, allowed]) => ({
  files: [`shared/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: sharedWall.paths,
        patterns: [
          ...sharedWall.patterns,
          ...Object.keys(sharedLayers)
            .filter((other) => other !== layer && !allowed.includes(other))
            .map((other) => ({
              group: [`**/${other}/**`, `${other}/**`],
              message: `shared/${layer}/ may import only from ${[...allowed, layer].map((l) => `shared/${l}/`).join(', ')}: not from shared/${other}/.`,
            })),
        ],
      },
    ],
  },
}));

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

/**
 * Inside the core, modules talk through repositories: a handlers.ts is the channels' edge, imported
 * by create-core.ts alone. Executors are passed explicitly: a default of the outer handle, or the
 * outer handle inside a transaction, waits on the transaction's own connection for ever.
 */
const handlersImport = {
  selector: 'ImportDeclaration[source.value=/(^|\\/)handlers\\.ts$/]',
  message: "Only electron/core/create-core.ts imports a handlers.ts: share through the module's repository.ts.",
};
const executorRules = [
  {
    selector: "AssignmentPattern[right.type='MemberExpression'][right.property.name='db']",
    message: 'Take the executor as a required parameter: a default of the outer handle deadlocks inside a transaction.',
  },
  {
    selector:
      "CallExpression[callee.property.name='tx'] MemberExpression[property.name='db'][object.property.name='store']",
    message: 'Inside a transaction, read and write through its executor (trx), never the outer handle.',
  },
];
const coreSyntax = [...clockRules, handlersImport, ...executorRules];

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
    rules: { 'no-restricted-syntax': ['error', ...coreSyntax] },
  },
  {
    files: ['electron/core/create-core.ts'],
    rules: { 'no-restricted-syntax': ['error', ...clockRules, ...executorRules] },
  },
  {
    // A repository is handed its executor; it never reaches for the store.
    files: ['electron/core/modules/**/repository.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...coreSyntax,
        {
          selector: "MemberExpression[property.name='store']",
          message: 'A repository takes its executor (db or trx) as a parameter; it does not reach for core.store.',
        },
      ],
    },
  },
  { files: ['shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', sharedWall] } },
  // Each layer's entry replaces the rule above for its folder (flat config), so it repeats the wall.
  ...sharedLayerRules,
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
    // What both hosts share (the CSP, the renderer's files): neutral, so it imports neither host.
    files: ['electron/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronPkg],
          patterns: [upTo('renderer'), upTo('main'), upTo('preload'), upTo('host'), upTo('cli')],
        },
      ],
    },
  },
  {
    // The Electron shell and the web host are two hosts of one core: neither borrows from the other.
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [upTo('renderer'), upTo('host'), upTo('cli')] }] },
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
