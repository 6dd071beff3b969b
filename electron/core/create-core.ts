import { EventEmitter } from 'node:events';
import { plainDataIssues } from '../../shared/base/plain-data.ts';
import fs from 'node:fs';
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { contract, type ChannelName } from '../../shared/api/contract.ts';
import type { Result } from '../../shared/api/client.ts';
import { AppError, type ErrorPayload, validationError } from '../../shared/base/errors.ts';
import { chinaDate } from '../../shared/domain/dates.ts';
import { can } from '../../shared/base/roles.ts';
import type { WorkCalendar } from '../../shared/domain/workdays.ts';
import { AuditLog } from './audit/audit-log.ts';
import { rememberSetUp, wasSetUp } from './installation.ts';
import { type Clock, systemClock } from './clock.ts';
import type { CoreEvent, CoreState, Ctx, Handlers, Platform, Session } from './context.ts';
import { finishInterruptedReplace, removeLeftovers } from './db/leftovers.ts';
import { applyFloors } from './db/number-floors.ts';
import {
  BEFORE_REPLACE,
  dbFileOf,
  lockForReplace,
  onlyOpener,
  type OpenReport,
  openStore,
  removeSidecars,
  type Store,
} from './db/open.ts';
import { isBusy, writeTransaction } from './db/write.ts';
import { loadKnowledge, setCustomBenchmarks, setCustomChecklists } from './knowledge.ts';
import { discretionBenchmark } from '../../shared/entities/discretion.ts';
import { checklist } from '../../shared/entities/checklist.ts';
import { loadCatalogue } from './documents/catalogue.ts';
import { loadFontSet } from './documents/fonts.ts';
import { RenderPool } from './documents/pool.ts';
import { documentHandlers } from './modules/documents/handlers.ts';
import { caseHandlers } from './modules/cases/handlers.ts';
import { reviewHandlers } from './modules/review/handlers.ts';
import { inspectionHandlers } from './modules/inspections/handlers.ts';
import { escalationHandlers, hazardHandlers } from './modules/hazards/handlers.ts';
import { authHandlers, setupHandlers, userHandlers } from './modules/accounts/handlers.ts';
import { needsSetup } from './modules/accounts/repository.ts';
import { procedureRules, type RuleContext } from './rules.ts';
import { getUnit } from './modules/unit/repository.ts';
import type { Knowledge } from './knowledge.ts';
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.ts';
import { Jobs } from './jobs/jobs.ts';
import { settingsHandlers } from './modules/settings/handlers.ts';
import { appHandlers } from './modules/app/handlers.ts';
import { knowledgeHandlers } from './modules/knowledge/handlers.ts';
import { auditHandlers } from './modules/audit/handlers.ts';
import { backupHandlers, importDataHandler } from './modules/backups/handlers.ts';
import { exportHandlers } from './modules/exports/handlers.ts';
import { typicalCaseHandlers } from './modules/typical-cases/handlers.ts';
import { planHandlers } from './modules/plans/handlers.ts';
import { reportHandlers } from './modules/reports/handlers.ts';
import { accidentHandlers } from './modules/enterprises/accidents.ts';
import { ensureDailyBackup } from './modules/backups/backups.ts';
import { calendarHandlers } from './modules/calendar/handlers.ts';
import { loadCalendar } from './modules/calendar/repository.ts';
import { readSettings } from './modules/settings/repository.ts';
import { DEMO_STEPS, seedDemoCases } from './modules/demo/cases.ts';
import { clearUnfinishedDemo, markDemoSeeded, markDemoSeeding, seedDemo } from './modules/demo/seed.ts';
import { enterpriseHandlers } from './modules/enterprises/handlers.ts';
import { officerHandlers } from './modules/officers/handlers.ts';
import { unitHandlers } from './modules/unit/handlers.ts';

export interface CoreOptions {
  /** The workspace's own folder: enforce.db, backups/, files/, logs/. */
  dataDir: string;
  /** Where fonts/, knowledge/ and locales/ are (the repository's resources/ in development). */
  resourcesDir: string;
  workspace?: 'real' | 'demo';
  /** Where every "now" and "today" comes from (default: the machine's; hosts may pin it, tests always do). */
  clock?: Clock;
  platform?: Platform;
  /** The daily backup at start and every hour after; tests that count files turn it off. */
  autoBackup?: boolean;
  /** Render workers shared by the workspaces of one process (the real and the demo county); the core makes its own otherwise. */
  renderPool?: RenderPool;
}

export interface Envelope {
  token?: string;
  trusted?: { userName: string };
}

export interface Core {
  /**
   * `trusted` is for in-process callers only (the CLI on the admin's own machine): it runs the
   * channel as an admin named in the audit log. Hosts never fill it from a request.
   */
  dispatch(channel: string, input: unknown, envelope?: Envelope): Promise<Result<unknown>>;
  /**
   * What dispatch would refuse this caller before looking at any input (unknown channel, no session, locked, role,
   * setup done), or null: a host asks before it reads a request's body.
   */
  admits(channel: string, envelope?: Envelope): Promise<ErrorPayload | null>;
  events: EventEmitter<{ event: [CoreEvent] }>;
  state: CoreState;
  openReport: OpenReport;
  /** Resolves once the workspace is whole: at once, or for a demo county being made, when its files are done. */
  ready: Promise<void>;
  close(): Promise<void>;
}

const handlers: Handlers = {
  ...appHandlers,
  ...setupHandlers,
  ...importDataHandler,
  ...authHandlers,
  ...userHandlers,
  ...unitHandlers,
  ...settingsHandlers,
  ...officerHandlers,
  ...enterpriseHandlers,
  ...accidentHandlers,
  ...inspectionHandlers,
  ...hazardHandlers,
  ...escalationHandlers,
  ...documentHandlers,
  ...caseHandlers,
  ...reviewHandlers,
  ...knowledgeHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...calendarHandlers,
  ...exportHandlers,
  ...typicalCaseHandlers,
  ...planHandlers,
  ...reportHandlers,
};

const SYSTEM_ACTOR = { userId: null, userName: '系统' };

/** The rule context of one call (rules.ts): the settings, the unit and the calendar, read once. */
export async function ruleContext(
  db: Kysely<DB>,
  sources: { today(): string; knowledge: Knowledge; calendar(): Promise<WorkCalendar> },
): Promise<RuleContext> {
  const [settings, unit, cal] = await Promise.all([readSettings(db), getUnit(db), sources.calendar()]);
  return {
    today: sources.today(),
    periods: sources.knowledge.periods,
    cal,
    rules: procedureRules(settings),
    settings,
    unit,
  };
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.clock ?? systemClock;
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  if (options.workspace === 'demo' && clearUnfinishedDemo(dataDir))
    console.warn('[core] a demo county left half-made was cleared, to be made again');
  const dbFile = dbFileOf(dataDir);
  const open = () =>
    openStore({
      file: dbFile,
      backupsDir: path.join(dataDir, 'backups'),
      logsDir: path.join(dataDir, 'logs'),
      now,
      mustExist: wasSetUp(dataDir),
    });
  // A restore or data import killed half-way is finished or undone before anything reads the file.
  const replace = finishInterruptedReplace(dbFile, !wasSetUp(dataDir), now());
  const opened = await open();
  let store: Store = opened.store;
  let replacing = false;
  /**
   * Calls under way, so that replacing the database (a restore, a data import) or closing the county waits for them
   * rather than pulling the connection from under them ("The database connection is not open"), and calls that
   * arrive meanwhile are refused with a code the screen can say, never INTERNAL.
   */
  let running = 0;
  let shut: 'DB_REPLACING' | 'WORKSPACE_CLOSED' | null = null;
  const settled: (() => void)[] = [];
  const inCall = new AsyncLocalStorage<true>();
  /** Until no more than `others` calls are under way; false if they are not done within `ms`. */
  async function drain(others: number, ms: number): Promise<boolean> {
    const until = performance.now() + ms;
    while (running > others) {
      if (performance.now() > until) return false;
      await new Promise<void>((resolve) => {
        settled.push(resolve);
        setTimeout(resolve, 100).unref();
      });
    }
    return true;
  }
  // Numbers handed out before a restore stay handed out, even when a kill came between the restore and this.
  applyFloors(dataDir, store.raw, now());
  // Leftovers are cleared only by the one process that has the data open: another may be mid-write.
  const leftovers = onlyOpener(dbFile)
    ? removeLeftovers(dataDir, dbFile, store.raw, opened.report.uncleanShutdown)
    : [];
  if (replace || leftovers.length)
    console.warn(`[core] put right after an interrupted run: ${JSON.stringify({ replace, removed: leftovers })}`);
  let audit = new AuditLog(store.raw);
  let calendar: Promise<WorkCalendar> | null = null;
  const events = new EventEmitter<{ event: [CoreEvent] }>();
  let demoMaking: { done: number; total: number } | null = null;
  const sessions = new Map<string, Session>();
  const ownPool = !options.renderPool;
  const renderPool = options.renderPool ?? new RenderPool();

  const state: CoreState = {
    get store() {
      return store;
    },
    get audit() {
      return audit;
    },
    dataDir,
    resourcesDir: options.resourcesDir,
    workspace: options.workspace ?? 'real',
    version: pkg.version,
    now,
    today: () => chinaDate(now()),
    knowledge: loadKnowledge(options.resourcesDir),
    // A failed load is not kept: every call reads the calendar (its rule context), so one failure must not stick.
    calendar: () =>
      (calendar ??= loadCalendar(store.db).catch((error: unknown) => {
        calendar = null;
        throw error;
      })),
    invalidateCalendar: () => {
      calendar = null;
    },
    events,
    jobs: new Jobs(events),
    demoMaking: () => demoMaking,
    sessions,
    platform: options.platform ?? {},
    catalogue: loadCatalogue(options.resourcesDir),
    fonts: loadFontSet(options.resourcesDir),
    // A document stamped by the clock unless it names its own day (a report made again from the same figures).
    render: (spec) => renderPool.render({ ...spec, createdAt: spec.createdAt ?? now().toISOString() }),
    pdfPages: (pdfs) => renderPool.pdfPages(pdfs),
    bind: (plan) => renderPool.bind(plan),
    readLedger: (data, progress) => renderPool.readLedger(data, progress),
    unpackDataPackage: (zip, db, stage) => renderPool.unpackDataPackage(zip, db, stage),
    verifyPackage: (file) => renderPool.verifyPackage(file),
    async reloadUnitKnowledge() {
      const rows = await store.db.selectFrom('customChecklists').select('json').orderBy('id').execute();
      setCustomChecklists(
        state.knowledge,
        rows.map((r) => checklist.parse(JSON.parse(r.json))),
      );
      const benchmarks = await store.db.selectFrom('discretionBenchmarks').select('json').orderBy('id').execute();
      setCustomBenchmarks(
        state.knowledge,
        benchmarks.map((r) => discretionBenchmark.parse(JSON.parse(r.json))),
      );
    },
    tx: (fn) => writeTransaction(store.db, fn),
    record: (actor, change) => audit.append(actor, change, now()),
    async reopen(replace) {
      // One replacement at a time, in this process and across processes (the CLI beside the app).
      if (replacing) throw new AppError('DB_IN_USE', { pid: process.pid });
      replacing = true;
      shut = 'DB_REPLACING';
      let lock: { release(): void } | null = null;
      try {
        // Every other call finishes first (the one asking for the replacement, if a call asks, goes on).
        if (!(await drain(inCall.getStore() ? 1 : 0, 30_000))) throw new AppError('WORK_UNDER_WAY');
        lock = lockForReplace(dbFile);
        await store.close();
        // The closed file is complete (WAL checkpointed); it waits aside until the replacement has opened.
        const previous = `${dbFile}${BEFORE_REPLACE}`;
        removeSidecars(dbFile);
        try {
          fs.renameSync(dbFile, previous);
        } catch (error) {
          store = (await open()).store;
          throw error;
        }
        try {
          await replace(dbFile);
          store = (await open()).store;
        } catch (error) {
          // The old file goes back. Should that fail too, it stays aside — never deleted — for the next start to put back.
          fs.rmSync(dbFile, { force: true });
          removeSidecars(dbFile);
          fs.renameSync(previous, dbFile);
          store = (await open()).store;
          throw error;
        }
        fs.rmSync(previous, { force: true });
      } finally {
        lock?.release();
        replacing = false;
        if (store.raw.open) {
          audit = new AuditLog(store.raw);
          calendar = null;
          applyFloors(dataDir, store.raw, now());
          await state.reloadUnitKnowledge();
          rememberIfSetUp();
        }
        // Calls come in again once the new data is whole, unless the county was closed meanwhile.
        if (shut === 'DB_REPLACING') shut = null;
      }
    },
  };

  await state.reloadUnitKnowledge();
  const rememberIfSetUp = () => {
    if (store.raw.prepare('SELECT 1 FROM users LIMIT 1').get()) rememberSetUp(dataDir, now());
  };
  rememberIfSetUp();

  const freshDemo = state.workspace === 'demo' && (await needsSetup(state.store.db, dataDir));
  if (freshDemo) {
    markDemoSeeding(dataDir);
    await seedDemo(state);
  }

  let timer: NodeJS.Timeout | null = null;
  if (options.autoBackup ?? true) {
    const daily = () => ensureDailyBackup(state).catch((e) => console.error('daily backup failed', e));
    setImmediate(daily);
    timer = setInterval(daily, 3600_000);
    timer.unref();
  }

  /** Whether this caller may call this channel at all: known, signed in as it needs, and the role allows it. */
  async function admit(channel: string, envelope: Envelope) {
    if (!Object.hasOwn(contract, channel)) throw new AppError('UNKNOWN_CHANNEL');
    const name = channel as ChannelName;
    const spec = contract[name];
    const session = envelope.trusted
      ? {
          token: '',
          userId: 0,
          userName: envelope.trusted.userName,
          role: 'admin' as const,
          lastSeen: now().getTime(),
          locked: false,
        }
      : envelope.token
        ? (sessions.get(envelope.token) ?? null)
        : null;
    // The one read of the settings this call makes: the idle lock and every rule the handler applies use it.
    const rules = await ruleContext(state.store.db, state);
    if (session && !session.locked && now().getTime() - session.lastSeen > rules.settings.idleLockMinutes * 60_000)
      session.locked = true;
    if (spec.access !== 'public') {
      if (!session) throw new AppError('UNAUTHENTICATED');
      if (spec.access !== 'unlock') {
        if (session.locked) throw new AppError('SESSION_LOCKED');
        if (spec.access !== 'signed-in' && !can(session.role, spec.access))
          throw new AppError('FORBIDDEN', { permission: spec.access });
      }
    }
    // First-run setup (a new admin, a whole data package) is for an installation nobody has set up; the handlers
    // check again in their transaction.
    if (name.startsWith('setup:') && !(await needsSetup(state.store.db, dataDir))) throw new AppError('SETUP_DONE');
    return { name, spec, session, rules };
  }

  const dispatch = (channel: string, input: unknown, envelope: Envelope = {}) => enter(channel, input, envelope, false);
  /** `making`: a call of the demo county's own making, which a close lets finish (it stops the job instead). */
  async function enter(channel: string, input: unknown, envelope: Envelope, making: boolean): Promise<Result<unknown>> {
    if (shut && !(making && shut === 'WORKSPACE_CLOSED')) return { ok: false, error: new AppError(shut).toPayload() };
    return counted(() => inCall.run(true, () => serve(channel, input, envelope)));
  }

  /** `work`, counted among the calls under way that a replacement or a close waits for. */
  async function counted<T>(work: () => Promise<T>): Promise<T> {
    running++;
    try {
      return await work();
    } finally {
      running--;
      for (const resolve of settled.splice(0)) resolve();
    }
  }

  async function serve(channel: string, input: unknown, envelope: Envelope): Promise<Result<unknown>> {
    try {
      const { name, spec, session, rules } = await admit(channel, envelope);
      const notPlain = plainDataIssues(input);
      if (notPlain.length) throw new AppError('VALIDATION', { issues: notPlain });
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) throw validationError(parsed.error);
      if (session && !session.locked) session.lastSeen = now().getTime();
      const actor = session ? { userId: session.userId || null, userName: session.userName } : SYSTEM_ACTOR;
      const ctx: Ctx = { core: state, session, actor, rules };
      const handler = handlers[name] as (input: unknown, ctx: Ctx) => Promise<unknown>;
      return { ok: true, data: await handler(parsed.data, ctx) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toPayload() };
      // Another process (the CLI beside the app) held the write lock past every wait: say so, not INTERNAL.
      if (isBusy(error)) return { ok: false, error: new AppError('DB_BUSY').toPayload() };
      // Stacks stay here; the renderer gets a code it can translate.
      console.error(`[core] ${channel} failed`, error);
      return { ok: false, error: new AppError('INTERNAL').toPayload() };
    }
  }

  // The demo county's case files go through the contract like any clerk's, so they come once everything is up, in
  // the background: the county opens on its ledger at once and the screens show the files coming (job-progress).
  const DEMO_JOB = 'demo:seed';
  if (freshDemo) {
    demoMaking = { done: 0, total: DEMO_STEPS };
    events.on('event', (e) => {
      if (e.type === 'job-progress' && e.job === DEMO_JOB) demoMaking = { done: e.done, total: e.total };
    });
  }
  const ready: Promise<void> = freshDemo
    ? state.jobs
        .run('demo', (job) => seedDemoCases((c, i, e) => enter(c, i, e ?? {}, true), state.today(), job), DEMO_JOB)
        .then(() => markDemoSeeded(dataDir))
        .finally(() => {
          demoMaking = null;
        })
        .catch((e: unknown) => {
          // Left marked: the county is made again when next opened.
          if ((e as { code?: string }).code !== 'JOB_CANCELLED') console.error('[core] demo county not finished', e);
        })
    : Promise.resolve();

  return {
    dispatch,
    async admits(channel, envelope = {}) {
      // It reads the database too: counted and refused like any call while the data is replaced or closed.
      if (shut) return new AppError(shut).toPayload();
      return counted(async () => {
        try {
          await admit(channel, envelope);
          return null;
        } catch (error) {
          if (error instanceof AppError) return error.toPayload();
          throw error;
        }
      });
    },
    events,
    state,
    openReport: opened.report,
    ready,
    async close() {
      if (timer) clearInterval(timer);
      shut = 'WORKSPACE_CLOSED';
      // The demo county's making stops at its next step (its own calls still go through until then).
      state.jobs.cancel(DEMO_JOB);
      await ready;
      // What is under way finishes (a quit waits for a save); a long export is not waited for past ten seconds.
      await drain(0, 10_000);
      if (ownPool) await renderPool.close();
      await store.close();
    },
  };
}
