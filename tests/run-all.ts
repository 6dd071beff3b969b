/**
 * `npm test`: everything that runs without Electron, in order, ending with one plain
 * "N passed, N failed" line (what CI reads). Stops at once when the machine lacks a prerequisite.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const APT = 'apt-get install -y --no-install-recommends chromium fonts-noto-cjk poppler-utils';

function prerequisites(): string[] {
  const missing: string[] = [];
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) missing.push(`Chromium (${chromium})`);
  const fc = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (fc.status !== 0 || fc.stdout.trim() === '') missing.push('CJK fonts (fonts-noto-cjk)');
  if (spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).error) missing.push('poppler-utils (pdftoppm, pdftotext)');
  return missing;
}

function step(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${name}`);
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`${r.status === 0 ? '✔' : '✘'} ${name} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  return r.status === 0;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/**
 * What the page showed when a Playwright test failed (its accessibility snapshot), so a CI log
 * that keeps no artefacts still says which message or dialog stood in the way. Dialogs and
 * messages come last in the page, so a long snapshot keeps its head and its tail.
 */
function printPageSnapshots(dir: string): void {
  const files = fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('error-context.md'))
    : [];
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const start = text.indexOf('```yaml');
    if (start < 0) continue;
    const yaml = text.slice(start);
    const lines = yaml.slice(0, yaml.indexOf('```', 7)).split('\n').slice(1);
    const shown =
      lines.length > 160 ? [...lines.slice(0, 30), `… ${lines.length - 150} lines …`, ...lines.slice(-120)] : lines;
    console.log(`\n── page when ${path.dirname(f)} failed\n${shown.join('\n')}`);
  }
}

const missing = prerequisites();
if (missing.length) {
  console.error(`Missing on this machine: ${missing.join(', ')}.\nInstall with:\n  sudo ${APT}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

let passed = 0;
let failed = 0;
const gate = (ok: boolean) => {
  if (ok) passed++;
  else failed++;
};

gate(step('typecheck', bin('tsc'), ['-p', '.']));
gate(step('lint', bin('eslint'), ['.']));
gate(step('format (prettier --check; npm run format fixes it)', bin('prettier'), ['--check', '.']));

const vitestJson = path.join(root, '.ci-vitest.json');
fs.rmSync(vitestJson, { force: true });
step('vitest (unit, contract, core on real SQLite files)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const v = readJson<{ numPassedTests: number; numFailedTests: number; success: boolean }>(vitestJson);
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests + (v.success || v.numFailedTests ? 0 : 1);
} else failed++;

// The whole bench once at tiny sizes, its JSON printed: fails when a figure is missing, never on a timing.
gate(
  step('bench at tiny sizes (every figure produced; no target asserted)', process.execPath, [
    path.join(root, 'tests', 'bench', 'check.ts'),
  ]),
);

const built = step('renderer build', bin('vite'), ['build']);
gate(built);

if (built) {
  const pwJson = path.join(root, '.ci-pw.json');
  fs.rmSync(pwJson, { force: true });
  step('playwright (Debian Chromium against the web host)', bin('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
  });
  const p = readJson<{ stats: { expected: number; unexpected: number; flaky: number }; errors?: unknown[] }>(pwJson);
  if (p) {
    passed += p.stats.expected;
    failed += p.stats.unexpected + p.stats.flaky + (p.errors?.length ? 1 : 0);
  } else failed++;
  if (!p || p.stats.unexpected || p.stats.flaky) printPageSnapshots(path.join(root, 'test-results'));
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
