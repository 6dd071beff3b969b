import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditVerifyResult } from '../../../shared/entities/audit.ts';

/**
 * 全过程记录: every change made through the core, hash-chained. Each entry's hash covers the
 * previous entry's hash and its own fields, so an edited, deleted or reordered row breaks the
 * chain. Cutting rows off the end leaves a valid shorter chain: the head recorded elsewhere (in a
 * backup manifest, an export, a printed report) catches that.
 *
 * Appends run on the raw connection so they join whatever transaction the change runs in: a
 * change and its audit entry commit or roll back together.
 */
export interface AuditActor {
  userId: number | null;
  userName: string;
}
export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

export const GENESIS = '0'.repeat(64);

interface Row {
  seq: number;
  at: string;
  user_id: number | null;
  user_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export function entryHash(r: Omit<Row, 'hash'>): string {
  const fields = [
    r.prev_hash,
    r.seq,
    r.at,
    r.user_id,
    r.user_name,
    r.action,
    r.entity_type,
    r.entity_id,
    r.before_json,
    r.after_json,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

export class AuditLog {
  private readonly last: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly raw: Database.Database;

  constructor(raw: Database.Database) {
    this.raw = raw;
    this.last = raw.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.insert =
      raw.prepare(`INSERT INTO audit_log (seq, at, user_id, user_name, action, entity_type, entity_id, before_json, after_json, prev_hash, hash)
      VALUES (@seq, @at, @user_id, @user_name, @action, @entity_type, @entity_id, @before_json, @after_json, @prev_hash, @hash)`);
  }

  append(actor: AuditActor, change: AuditChange, at: Date): string {
    const prev = this.last.get() as { seq: number; hash: string } | undefined;
    const row: Omit<Row, 'hash'> = {
      seq: (prev?.seq ?? 0) + 1,
      at: at.toISOString(),
      user_id: actor.userId,
      user_name: actor.userName,
      action: change.action,
      entity_type: change.entityType,
      entity_id: change.entityId === null ? null : String(change.entityId),
      before_json: json(change.before),
      after_json: json(change.after),
      prev_hash: prev?.hash ?? GENESIS,
    };
    const hash = entryHash(row);
    this.insert.run({ ...row, hash });
    return hash;
  }

  head(): string | null {
    return (this.last.get() as { hash: string } | undefined)?.hash ?? null;
  }

  verify(expectedHead?: string): AuditVerifyResult {
    const problems: AuditVerifyResult['problems'] = [];
    let prevHash = GENESIS;
    let prevSeq = 0;
    let entries = 0;
    let headSeen = false;
    for (const row of this.raw.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<Row>) {
      entries++;
      if (row.prev_hash !== prevHash || row.seq !== prevSeq + 1)
        problems.push({ kind: 'deleted-or-reordered', seq: row.seq });
      if (entryHash(row) !== row.hash) problems.push({ kind: 'edited', seq: row.seq });
      if (expectedHead && row.hash.startsWith(expectedHead)) headSeen = true;
      prevHash = row.hash;
      prevSeq = row.seq;
      if (problems.length >= 100) break;
    }
    if (expectedHead && !headSeen) problems.push({ kind: 'truncated', seq: null });
    return { ok: problems.length === 0, entries, head: entries ? prevHash : null, problems };
  }
}
