import type { EventEmitter } from 'node:events';
import type { ChannelName, OutputOf, ParsedInputOf } from '../../shared/api/contract.ts';
import type { Role } from '../../shared/base/roles.ts';
import type { WorkCalendar } from '../../shared/domain/workdays.ts';
import type { AuditActor, AuditChange, AuditLog } from './audit/audit-log.ts';
import type { Kysely } from 'kysely';
import type { Store } from './db/open.ts';
import type { DB } from './db/schema.ts';
import type { Knowledge } from './knowledge.ts';
import type { BindPlan } from './documents/binding.ts';
import type { LedgerRead } from './modules/enterprises/excel.ts';
import type { UnpackedPackage } from './modules/backups/unpack.ts';
import type { PackageReport } from '../../shared/entities/export-package.ts';
import type { Catalogue } from './documents/catalogue.ts';
import type { DocumentSpec, FontSet } from '../../shared/documents/layout.ts';
import { AppError } from '../../shared/base/errors.ts';
import type { RuleContext } from './rules.ts';
import type { JobProgressEvent, Jobs } from './jobs/jobs.ts';

export interface Platform {
  /** Where the host wants the user's attention drawn (Electron: flash the window). Optional everywhere. */
  notify?(message: string): void;
}

export interface Session {
  token: string;
  userId: number;
  userName: string;
  role: Role;
  lastSeen: number;
  locked: boolean;
}

/** What the core tells the hosts unasked (forwarded to the renderer). */
export type CoreEvent = JobProgressEvent;

/** What every handler gets: the store of the moment (a restore swaps it), the clock, and the actor. */
export interface CoreState {
  store: Store;
  audit: AuditLog;
  dataDir: string;
  resourcesDir: string;
  workspace: 'real' | 'demo';
  version: string;
  now(): Date;
  today(): string;
  knowledge: Knowledge;
  calendar(): Promise<WorkCalendar>;
  invalidateCalendar(): void;
  events: EventEmitter;
  /** Long-running work with progress and cancellation (jobs/jobs.ts). */
  jobs: Jobs;
  /** While a demo county's files are being made: how far it has got (null once whole, and in the real county). */
  demoMaking(): { done: number; total: number } | null;
  sessions: Map<string, Session>;
  /** Runs fn in one write transaction; audit entries appended inside commit with it. */
  tx<T>(fn: (trx: Kysely<DB>) => Promise<T>): Promise<T>;
  record(actor: AuditActor, change: AuditChange): string;
  /** Closes the database, lets `replace` put another file in its place, and opens that; the old one comes back if it fails. */
  reopen(replace: (file: string) => Promise<void>): Promise<void>;
  /** Official documents: the catalogue, the font set, and rendering in the worker pool. */
  catalogue: Catalogue;
  fonts: FontSet;
  render(spec: DocumentSpec): Promise<Buffer>;
  /** Pages of PDFs to be filed, counted in the render worker (null: cannot be filed). */
  pdfPages(pdfs: Uint8Array[]): Promise<(number | null)[]>;
  /** A case file bound into one PDF in the render worker (documents/binding.ts). */
  bind(plan: BindPlan): Promise<Buffer>;
  /** A ledger workbook read in the worker, off the thread that serves calls (IMPORT_BAD_FILE when it cannot be). */
  readLedger(data: Uint8Array, progress?: (done: number, total: number) => void): Promise<LedgerRead>;
  /** An upload package checked in the worker (exports/verify.ts): hashing hundreds of megabytes holds up no call. */
  verifyPackage(file: string): Promise<PackageReport>;
  /** A data package unpacked and its database checked in the worker (backups/unpack.ts). */
  unpackDataPackage(zip: string, db: string, stage: string): Promise<UnpackedPackage>;
  /** Re-reads the unit's own checklists and discretion benchmarks into `knowledge` (after an import or a restore). */
  reloadUnitKnowledge(): Promise<void>;
  platform: Platform;
}

export interface Ctx {
  core: CoreState;
  session: Session | null;
  /** The session's user as audit actor; for public channels a system actor. */
  actor: AuditActor;
  /** The rules this call reads, built once before the handler runs (rules.ts). */
  rules: RuleContext;
}

export type Handler<C extends ChannelName> = (input: ParsedInputOf<C>, ctx: Ctx) => Promise<OutputOf<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };
export type HandlerGroup<P extends string> = { [C in Extract<ChannelName, `${P}:${string}`>]: Handler<C> };

/** Two clerks editing the same record: the second save must not silently undo the first. */
export function assertVersion(current: { version: number }, expected: number): void {
  if (current.version !== expected) throw new AppError('STALE_VERSION', { current: current.version });
}
