import { sha256 } from '../plans/draws.ts';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { AppError } from '../../../../shared/base/errors.ts';
import { chinaDate } from '../../../../shared/domain/dates.ts';
import type { ExportRow } from '../../../../shared/api/channels/exports.ts';
import type { DB } from '../../db/schema.ts';
import { PackageIndex, DATA_FILES } from '../../../../shared/domain/package-checks.ts';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  type PackageManifest,
  type PackageOverride,
  type PackageProblem,
} from '../../../../shared/entities/export-package.ts';
import { RECORD_SCHEMAS, type RecordEntity } from '../../../../shared/entities/exports/records.ts';
import { completenessProblems } from '../../../../shared/domain/upload-completeness.ts';
import type { ReviewDecisions } from '../../../../shared/domain/review/review.ts';
import type { ReviewFinding } from '../../../../shared/entities/review.ts';
import type { AuditActor } from '../../audit/audit-log.ts';
import type { RuleContext } from '../../rules.ts';
import { runReview } from '../review/run.ts';
import type { CoreState } from '../../context.ts';
import { filePath } from '../../files.ts';
import { PENDING_PREFIX } from '../../db/snapshot.ts';
import type { Job } from '../../jobs/jobs.ts';
import { getUnit } from '../unit/repository.ts';
import { type PackageSource, StoredFileChanged, writePackage } from './package.ts';
import { type PackageData, readPackageData } from './records.ts';
import { splitVolumes, type Volume } from './volumes.ts';

/** Audit entries that change no record a package holds: signing in, exporting, backing up, reading the log. */
const NOT_RECORD_CHANGES = ['auth', 'exports', 'backups', 'audit'];

const blocked = (problems: PackageProblem[], data?: PackageData) =>
  new AppError('EXPORT_BLOCKED', {
    problems: problems.slice(0, 200).map((p) => (data ? labelled(p, data) : p)),
    count: problems.length,
  });

/** A problem's record as the user knows it: the enterprise and the day of an inspection, a 文书号, a 案号. */
function labelled(p: PackageProblem, data: PackageData): PackageProblem {
  if (!p.record) return p;
  const { entity, id } = p.record;
  const find = <T extends { id: number }>(rows: T[]) => rows.find((r) => r.id === id);
  const enterprise = (eid: number | null) => data.records.enterprises.find((e) => e.id === eid)?.name ?? '';
  let label: string | undefined;
  if (entity === 'inspections') {
    const i = find(data.records.inspections);
    if (i) label = `${enterprise(i.enterpriseId)} ${i.startedAt.slice(0, 10)}`;
  } else if (entity === 'documents') {
    const d = find(data.records.documents);
    if (d) label = d.numberText ?? `${enterprise(d.enterpriseId)} ${d.documentDate ?? ''}`.trim();
  } else if (entity === 'cases') {
    const c = find(data.records.cases);
    if (c) label = `${c.caseNo ?? ''} ${enterprise(c.enterpriseId)}`.trim();
  } else if (entity === 'enterprises') label = enterprise(id) || undefined;
  return label ? { ...p, label } : p;
}

/**
 * As of the last change to the record (its audit entry, and that entry's China day), not the day it was packed nor a
 * sign-in or an export since: the same record makes the same package on any day. That head is a point of the chain
 * `audit verify --head` accepts while later entries follow it.
 */
export async function recordHead(db: Kysely<DB>, today: string): Promise<{ head: string | null; asOf: string }> {
  const last = await db
    .selectFrom('auditLog')
    .select(['at', 'hash'])
    .where((eb) => eb.and(NOT_RECORD_CHANGES.map((prefix) => eb('action', 'not like', `${prefix}:%`))))
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { head: last?.hash ?? null, asOf: last ? chinaDate(new Date(last.at)) : today };
}

/** Packages are written here, in the workspace's folder, under names that say what they are. */
export const exportsDir = (dataDir: string) => path.join(dataDir, 'exports');

export interface ExportResult {
  id: number;
  name: string;
  file: string;
  manifest: PackageManifest;
  bytes: number;
  sha256: string;
  sm3: string;
  volumes: Volume[];
}

const KIND_NAMES = { full: '全量', incremental: '增量' } as const;
export type RecordPackageKind = keyof typeof KIND_NAMES;

/** What a record's line hashes to: an incremental package holds the records whose line differs from the base's. */
export const lineDigest = (line: string) => createHash('sha256').update(line).digest('hex');

/** The package the next increment follows: the last one the user marked as accepted by the receiving system. */
export async function acceptedBase(db: Kysely<DB>) {
  return db
    .selectFrom('exports')
    .selectAll()
    .where('acceptedAt', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Runs the making of a package under its intent marker: a kill anywhere before the marker goes leaves it, and the
 * next start removes a package of that name the register does not know (leftovers.ts).
 */
export async function underIntent<T>(target: string, make: () => Promise<T>): Promise<T> {
  const marker = path.join(path.dirname(target), `${PENDING_PREFIX}${path.basename(target)}`);
  fs.writeFileSync(marker, '');
  try {
    return await make();
  } finally {
    fs.rmSync(marker, { force: true });
  }
}

/** Names being written now: two exports at once never pick the same one. */
const writing = new Set<string>();

export const releaseName = (target: string) => writing.delete(target);

/** What each record's line was when a package was made, by `entity:id`. */
export async function digestsOf(db: Kysely<DB>, exportId: number): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('exportRecords')
    .select(['entity', 'recordId', 'digest'])
    .where('exportId', '=', exportId)
    .execute();
  return new Map(rows.map((r) => [`${r.entity}:${r.recordId}`, r.digest]));
}

/**
 * A name no package has yet: by region, kind and day, with a number after the first of the day. Held until
 * `releaseName` (in a `finally`): two exports at once never pick the same one.
 */
export async function freeName(db: Kysely<DB>, dir: string, stem: string): Promise<string> {
  const taken = new Set(
    (await db.selectFrom('exports').select('name').where('name', 'like', `${stem}%`).execute()).map((r) => r.name),
  );
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stem}.zip` : `${stem}_${n}.zip`;
    const at = path.join(dir, name);
    if (!taken.has(name) && !writing.has(at) && !fs.existsSync(at)) {
      writing.add(at);
      return name;
    }
  }
}

/**
 * A package of the record: every record checked against its schema and every reference and file found before
 * anything is written (what would fail the receiving system's check fails here, first), then the data files, the
 * issued PDFs and the evidence, streamed into the zip.
 *
 * A full package holds every record; an incremental one what differs from the package last accepted (records added,
 * changed — a withdrawal is a change — and the ids of those removed), with the files its records name. Either way
 * the whole record is checked for references, and what the province counts as incomplete is held back for the
 * records the package carries.
 */
export async function exportPackage(
  core: CoreState,
  actor: AuditActor,
  rules: RuleContext,
  opts: { kind?: RecordPackageKind; job?: Job; overrides?: PackageOverride[] } = {},
): Promise<ExportResult> {
  const { job } = opts;
  const kind = opts.kind ?? 'full';
  const today = rules.today;
  const db = core.store.db;
  const unit = await getUnit(db);
  if (!unit) throw new AppError('VALIDATION', { issues: [{ path: ['unit'], key: 'exports.rules.noUnit' }] });
  const base = kind === 'incremental' ? await acceptedBase(db) : undefined;
  if (kind === 'incremental' && !base)
    throw new AppError('VALIDATION', { issues: [{ path: ['kind'], key: 'exports.rules.noAcceptedBase' }] });
  job?.progress('read', 0, 1);
  const data = await readPackageData(db);
  job?.checkpoint();

  const index = new PackageIndex({ sha256 });
  const problems: PackageProblem[] = [];
  const lines = {} as Record<RecordEntity, string[]>;
  const digests = new Map<RecordEntity, Map<number, string>>();
  for (const entity of Object.keys(RECORD_SCHEMAS) as RecordEntity[]) {
    lines[entity] = data.records[entity].map((r) => JSON.stringify(r));
    digests.set(entity, new Map(data.records[entity].map((r, i) => [r.id, lineDigest(lines[entity][i])])));
    lines[entity].forEach((text, i) => {
      const p = index.line(DATA_FILES[entity], i + 1, text);
      if (p) problems.push(p);
    });
  }
  // The whole record's files, for its references: the data files, then each stored file still on the disk (one gone
  // is reported with the record that names it, never packed as nothing).
  const onDisk = (hash: string) => fs.existsSync(filePath(core.dataDir, hash));
  const files = new Map<string, { sha256: string }>(Object.values(DATA_FILES).map((p) => [p, { sha256: '' }]));
  for (const [at, hash] of index.named()) if (onDisk(hash)) files.set(at, { sha256: hash });
  problems.push(...index.missing(files, Object.fromEntries([...digests].map(([e, m]) => [e, m.size]))));
  // A malformed record or one naming what is not there cannot be let through; what the province counts as incomplete
  // can, each with the user's reason.
  if (problems.length) throw blocked(problems, data);

  // What the package carries: everything, or what differs from the accepted base.
  const sent = new Map<RecordEntity, Set<number>>();
  const removed: Record<string, number[]> = {};
  const before = base ? await digestsOf(db, base.id) : new Map<string, string>();
  for (const [entity, now] of digests) {
    sent.set(
      entity,
      new Set([...now].filter(([id, d]) => !base || before.get(`${entity}:${id}`) !== d).map(([id]) => id)),
    );
    if (!base) continue;
    const gone = [...before.keys()]
      .filter((k) => k.startsWith(`${entity}:`))
      .map((k) => Number(k.slice(entity.length + 1)))
      .filter((id) => !now.has(id))
      .sort((a, b) => a - b);
    if (gone.length) removed[entity] = gone;
  }
  const total = [...sent.values()].reduce((n, s) => n + s.size, 0);
  if (base && !total && !Object.keys(removed).length)
    throw new AppError('VALIDATION', { issues: [{ path: ['kind'], key: 'exports.rules.nothingChanged' }] });

  const sources: PackageSource[] = [];
  const counts: Record<string, number> = {};
  const carried = new PackageIndex();
  for (const entity of Object.keys(RECORD_SCHEMAS) as RecordEntity[]) {
    const ids = sent.get(entity)!;
    const own = data.records[entity].flatMap((r, i) => (ids.has(r.id) ? [lines[entity][i]] : []));
    counts[entity] = own.length;
    own.forEach((text, i) => carried.line(DATA_FILES[entity], i + 1, text));
    sources.push({ path: DATA_FILES[entity], data: Buffer.from(own.map((l) => `${l}\n`).join('')) });
  }
  // The files the carried records name, by path in code-point order, never the machine's locale: the same package
  // everywhere. A PDF is placed under documents/, evidence under evidence/ (package-checks.ts).
  const stored = new Map<string, string>();
  for (const [at, hash] of [...carried.named()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    sources.push({ path: at, file: filePath(core.dataDir, hash) });
    stored.set(at, hash);
  }

  // What a package touches, for what the province counts as incomplete: the records it carries, and those whose
  // completeness a carried record changes (a service its document; a document its inspection and its case; an event
  // or a review its case).
  const touchedDocs = new Set(sent.get('documents'));
  for (const r of data.records.services) if (sent.get('services')!.has(r.id)) touchedDocs.add(r.documentId);
  const touchedInspections = new Set(sent.get('inspections'));
  const touched = new Set(sent.get('cases'));
  for (const d of data.records.documents)
    if (touchedDocs.has(d.id)) {
      if (d.inspectionId !== null) touchedInspections.add(d.inspectionId);
      if (d.caseId !== null) touched.add(d.caseId);
    }
  for (const entity of ['caseEvents', 'reviews'] as const)
    for (const r of data.records[entity]) if (sent.get(entity)!.has(r.id)) touched.add(r.caseId);
  const carries = (p: PackageProblem) => {
    if (!base) return true;
    const id = p.record?.id ?? -1;
    if (p.record?.entity === 'cases') return touched.has(id);
    if (p.record?.entity === 'documents') return touchedDocs.has(id);
    if (p.record?.entity === 'inspections') return touchedInspections.has(id);
    return !!p.record && !!sent.get(p.record.entity as RecordEntity)?.has(id);
  };

  const reasons = new Map((opts.overrides ?? []).map((o) => [o.subject, o]));
  const incomplete = (await incompleteOf(core, rules, data, job, base ? touched : undefined)).filter(carries);
  const overrides = incomplete.filter((p) => reasons.has(p.subject!)).map((p) => reasons.get(p.subject!)!);
  const standing = incomplete.filter((p) => !reasons.has(p.subject!));
  if (standing.length) throw blocked(standing, data);

  const { head, asOf } = await recordHead(db, today);
  const dir = exportsDir(core.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const name = await freeName(db, dir, `上报包_${unit.regionCode}_${KIND_NAMES[kind]}_${today}`);
  const target = path.join(dir, name);
  try {
    return await underIntent(target, () => writeAndRegister());
  } finally {
    releaseName(target);
  }

  async function writeAndRegister(): Promise<ExportResult> {
    const { manifest, digests: made } = await writePackage(
      target,
      sources,
      {
        format: PACKAGE_FORMAT,
        formatVersion: PACKAGE_FORMAT_VERSION,
        kind,
        unit: { agencyName: unit!.agencyName, regionCode: unit!.regionCode },
        period: { from: base?.periodTo ?? null, to: asOf },
        appVersion: core.version,
        auditHead: head,
        base: base ? { name: base.name, sha256: base.sha256, sm3: base.sm3 } : null,
        removed,
        counts,
        overrides,
      },
      {
        checkpoint: () => job?.checkpoint(),
        signal: job?.signal,
        progress: (done, n) => job?.progress('write', done, n),
        expect: stored,
      },
    ).catch((e: unknown) => {
      job?.checkpoint();
      // A stored file whose bytes are no longer those its record names: the package would fail its own check.
      if (e instanceof StoredFileChanged) throw blocked([{ code: 'sha256-mismatch', path: e.path }]);
      throw e;
    });
    // Too large for the portal's upload: cut into volumes beside it (the package itself is kept, to check and resend).
    const limit = rules.settings.exportVolumeMiB;
    let volumes: Volume[] = [];
    try {
      if (limit) {
        job?.progress('volumes', 0, 1);
        volumes = await splitVolumes(target, limit * 1024 * 1024);
      }
      const id = await core.tx(async (trx) => {
        const row = await trx
          .insertInto('exports')
          .values({
            name,
            kind,
            baseId: base?.id ?? null,
            periodFrom: manifest.period.from,
            periodTo: manifest.period.to,
            countsJson: JSON.stringify(counts),
            removedJson: JSON.stringify(removed),
            bytes: made.bytes,
            sha256: made.sha256,
            sm3: made.sm3,
            createdAt: core.now().toISOString(),
            createdBy: actor.userName,
            volumesJson: JSON.stringify(volumes),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // The record as it stands after this package: what the receiving side holds once it accepts it.
        const rows = [...digests].flatMap(([entity, m]) =>
          [...m].map(([recordId, digest]) => ({ exportId: row.id, entity, recordId, digest })),
        );
        for (let i = 0; i < rows.length; i += 1000)
          await trx
            .insertInto('exportRecords')
            .values(rows.slice(i, i + 1000))
            .execute();
        core.record(actor, {
          action: 'exports:create',
          entityType: 'export',
          entityId: String(row.id),
          after: {
            name,
            kind,
            base: base?.name ?? null,
            bytes: made.bytes,
            sha256: made.sha256,
            sm3: made.sm3,
            counts,
            removed,
            overrides,
            volumes,
          },
        });
        return row.id;
      });
      return { id, name, file: target, manifest, ...made, volumes };
    } catch (e) {
      // Not registered, not kept: a package the register does not know could never be accepted nor followed.
      fs.rmSync(target, { force: true });
      for (const v of volumes) fs.rmSync(path.join(dir, v.name), { force: true });
      throw e;
    }
  }
}

/**
 * Marks a package as accepted by the receiving system, on the day it said so: the next incremental package follows
 * it. Only the latest package can follow the last accepted one: an older one, or an increment of another base,
 * would leave the receiving side with a gap.
 */
export async function acceptExport(
  core: CoreState,
  actor: AuditActor,
  rules: RuleContext,
  input: { id: number; on: string; note: string },
): Promise<void> {
  await core.tx(async (trx) => {
    const row = await trx.selectFrom('exports').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', { entity: 'export', id: input.id });
    const base = await acceptedBase(trx);
    const refuse = (key: string, path = 'id') => {
      throw new AppError('VALIDATION', { issues: [{ path: [path], key }] });
    };
    if (row.acceptedAt) refuse('exports.rules.alreadyAccepted');
    if (base && base.id > row.id) refuse('exports.rules.laterAccepted');
    // Two packages made since the last accepted one: the province holds one of them, and only the newest carries
    // everything; marking an older one would let the next increment leave out what changed between them.
    const newer = await trx.selectFrom('exports').select('id').where('id', '>', row.id).executeTakeFirst();
    if (newer) refuse('exports.rules.newerMade');
    if (row.kind === 'incremental' && row.baseId !== (base?.id ?? null)) refuse('exports.rules.baseNotLatest');
    if (input.on > rules.today) refuse('exports.rules.acceptedInFuture', 'on');
    if (input.on < chinaDate(new Date(row.createdAt))) refuse('exports.rules.acceptedBeforeMade', 'on');
    await trx
      .updateTable('exports')
      .set({
        acceptedAt: core.now().toISOString(),
        acceptedOn: input.on,
        acceptedBy: actor.userName,
        acceptedNote: input.note || null,
      })
      .where('id', '=', row.id)
      .execute();
    // Only the last accepted package is ever followed, and nothing before it can be accepted any more: what the
    // record stood at for those is not needed again.
    await trx.deleteFrom('exportRecords').where('exportId', '<', row.id).execute();
    core.record(actor, {
      action: 'exports:accept',
      entityType: 'export',
      entityId: String(row.id),
      after: { name: row.name, on: input.on, note: input.note || null },
    });
  });
}

/** The register of packages made, newest first, with what each held and whether it was accepted. */
export async function listExports(core: CoreState): Promise<ExportRow[]> {
  const db = core.store.db;
  const rows = await db.selectFrom('exports').selectAll().orderBy('id', 'desc').execute();
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const base = rows.find((r) => r.acceptedAt);
  const newest = rows[0]?.id;
  const dir = exportsDir(core.dataDir);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as RecordPackageKind,
    baseName: r.baseId === null ? null : (names.get(r.baseId) ?? null),
    period: { from: r.periodFrom, to: r.periodTo },
    counts: JSON.parse(r.countsJson) as Record<string, number>,
    removed: Object.values(JSON.parse(r.removedJson) as Record<string, number[]>).reduce((n, ids) => n + ids.length, 0),
    bytes: r.bytes,
    sha256: r.sha256,
    sm3: r.sm3,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    accepted: r.acceptedAt ? { on: r.acceptedOn!, by: r.acceptedBy!, note: r.acceptedNote } : null,
    // What can be marked accepted now: newer than the last accepted, and an increment only of that one.
    acceptable:
      r.id === newest &&
      !r.acceptedAt &&
      (!base || r.id > base.id) &&
      (r.kind !== 'incremental' || r.baseId === (base?.id ?? null)),

    onDisk: fs.existsSync(path.join(dir, r.name)),
    volumes: JSON.parse(r.volumesJson) as Volume[],
  }));
}

/** What the province would count as incomplete in the record (upload-completeness.ts), every one of them. */
export async function incompleteOf(
  core: CoreState,
  rules: RuleContext,
  data: PackageData,
  job?: Job,
  /** Only these cases are reviewed (an increment's): the others' findings are not asked for. */
  only?: Set<number>,
): Promise<PackageProblem[]> {
  const findings = new Map<number, ReviewFinding[]>();
  // Each file as its legal reviewer last signed it: a finding the reviewer overruled, with a reason, holds nothing back.
  const signed = new Map<number, ReviewDecisions>();
  for (const r of data.records.reviews) signed.set(r.caseId, r.decisions as ReviewDecisions);
  const cases = data.records.cases.filter((c) => !only || only.has(c.id));
  for (const [i, c] of cases.entries()) {
    job?.progress('check', i, cases.length);
    job?.checkpoint();
    const decisions = signed.get(c.id) ?? { judgements: {}, overruled: {} };
    findings.set(c.id, (await runReview(core, rules, c.id, decisions)).result.findings);
  }
  return completenessProblems({
    inspections: data.records.inspections,
    documents: data.records.documents,
    services: data.records.services,
    findings,
  });
}
