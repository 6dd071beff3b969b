import { canonicalJson, type DrawRecord, type Sha256, verifyDraw } from './plans/draw.ts';
import type { PackageProblem } from '../entities/export-package.ts';
import { RECORD_SCHEMAS, type RecordEntity } from '../entities/exports/records.ts';

/**
 * What a package's records must satisfy, the same before it leaves (the pre-upload check) and when it is received
 * (the verifier, with no database): each line a record of its entity's schema, and every id and file a record names
 * present in the package.
 */

/** The format version that first held each data file (those not named are in every version). */
const SINCE: Partial<Record<RecordEntity, number>> = { typicalCases: 3, absences: 4, accidents: 4, plans: 4, draws: 4 };

/** The data files a package of this format version holds. */
export const entitiesOf = (formatVersion: number): RecordEntity[] =>
  (Object.keys(RECORD_SCHEMAS) as RecordEntity[]).filter((e) => (SINCE[e] ?? 1) <= formatVersion);

/** What a 典型案例 package names without holding: the full package has them. */
export const TYPICAL_CASE_ELSEWHERE: readonly RecordEntity[] = ['inspections', 'hazards', 'officers'];

export const DATA_FILES: Record<RecordEntity, string> = Object.fromEntries(
  Object.keys(RECORD_SCHEMAS).map((e) => [e, `data/${e}.jsonl`]),
) as Record<RecordEntity, string>;

const ENTITY_OF_FILE = new Map(Object.entries(DATA_FILES).map(([e, f]) => [f, e as RecordEntity]));

export const evidencePath = (hash: string) => `evidence/${hash}`;

/** The record that names something, as a reader finds it: the file and the line, and which record it is. */
interface Origin {
  path: string;
  line: number;
  record: { entity: RecordEntity; id: number };
}

interface Reference {
  entity: RecordEntity;
  from: Origin;
  id: number;
}

/** Gathers each entity's ids and what the records name, then reports what is missing. */
export class PackageIndex {
  readonly #ids = new Map<RecordEntity, Set<number>>();
  readonly #lines = new Map<RecordEntity, number>();
  readonly #twice: PackageProblem[] = [];
  readonly #refs: Reference[] = [];
  readonly #files: { from: Origin; path: string; sha256: string }[] = [];
  readonly #sha256: Sha256 | undefined;

  /**
   * With a SHA-256, the records that carry their own digest are checked against it as the receiving side would: a
   * plan's frozen snapshot hashes to what was approved, a draw re-runs to what was drawn.
   */
  constructor(opts: { sha256?: Sha256 } = {}) {
    this.#sha256 = opts.sha256;
  }

  /** Reads one line of a data file: a problem when it is not a record of its entity. */
  line(path: string, line: number, text: string): PackageProblem | null {
    const entity = ENTITY_OF_FILE.get(path);
    if (!entity || !text.trim()) return null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { code: 'record-invalid', path, line, detail: e instanceof Error ? e.message : String(e) };
    }
    const parsed = RECORD_SCHEMAS[entity].safeParse(value);
    const id = (value as { id?: unknown } | null)?.id;
    if (!parsed.success)
      return {
        code: 'record-invalid',
        path,
        line,
        ...(typeof id === 'number' ? { record: { entity, id } } : {}),
        detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      };
    this.add(entity, value as Record<string, unknown>, { path, line });
    return this.#sha256 ? selfCheck(entity, value as Record<string, unknown>, this.#sha256, { path, line }) : null;
  }

  add(entity: RecordEntity, r: Record<string, unknown>, at: { path: string; line: number }) {
    const from: Origin = { ...at, record: { entity, id: r.id as number } };
    const ids = this.#ids.get(entity) ?? new Set<number>();
    this.#lines.set(entity, (this.#lines.get(entity) ?? 0) + 1);
    // One record per id: a second under the same id would leave a reader to choose.
    if (ids.has(r.id as number))
      this.#twice.push({
        code: 'record-invalid',
        path: at.path,
        line: at.line,
        record: from.record,
        detail: 'id twice',
      });
    ids.add(r.id as number);
    this.#ids.set(entity, ids);
    const ref = (to: RecordEntity, id: unknown) => {
      if (typeof id === 'number') this.#refs.push({ entity: to, from, id });
    };
    const file = (f: unknown) => {
      const x = f as { hash?: string } | null;
      if (x?.hash) this.#files.push({ from, path: evidencePath(x.hash), sha256: x.hash });
    };
    switch (entity) {
      case 'inspections':
        ref('enterprises', r.enterpriseId);
        for (const o of r.officerIds as number[]) ref('officers', o);
        ref('inspections', r.recheckOf);
        ref('draws', r.drawId);
        for (const f of r.evidence as unknown[]) file(f);
        break;
      case 'hazards':
        ref('enterprises', r.enterpriseId);
        ref('inspections', r.inspectionId);
        ref('inspections', r.recheckInspectionId);
        for (const f of r.photos as unknown[]) file(f);
        break;
      case 'cases':
        ref('enterprises', r.enterpriseId);
        ref('inspections', r.inspectionId);
        for (const o of r.handlerIds as number[]) ref('officers', o);
        break;
      case 'caseEvents':
        ref('cases', r.caseId);
        file(r.scan);
        break;
      case 'documents': {
        ref('enterprises', r.enterpriseId);
        ref('inspections', r.inspectionId);
        ref('cases', r.caseId);
        ref('documents', r.supersedesId);
        file(r.scan);
        const pdf = r.pdf as { path: string; sha256: string } | null;
        if (pdf) this.#files.push({ from, path: pdf.path, sha256: pdf.sha256 });
        break;
      }
      case 'services':
        ref('documents', r.documentId);
        for (const o of r.officerIds as number[]) ref('officers', o);
        break;
      case 'reviews':
        ref('cases', r.caseId);
        break;
      case 'absences':
        ref('officers', r.officerId);
        break;
      case 'accidents':
        ref('enterprises', r.enterpriseId);
        break;
      case 'typicalCases': {
        ref('cases', r.caseId);
        const pdf = r.pdf as { path: string; sha256: string } | null;
        if (pdf) this.#files.push({ from, path: pdf.path, sha256: pdf.sha256 });
        break;
      }
    }
  }

  /** Every file the records read so far name (the issued PDFs and evidence), by path with its SHA-256. */
  named(): Map<string, string> {
    return new Map(this.#files.map((f) => [f.path, f.sha256]));
  }

  /**
   * What the records name and the package lacks (a record's id, a file by its path and SHA-256), a data file missing,
   * an id twice, and each data file's records counted against what the manifest says it holds. An incremental package
   * (`partial`) holds only what changed: a record it names may be in the package it follows, but every file its own
   * records name must be in it. A 典型案例 package holds one case: what it names beyond the case (an inspection, an
   * officer who served a document) is in the full package. A package of an earlier format holds that format's files.
   */
  missing(
    files: Map<string, { sha256: string }>,
    counts?: Record<string, number>,
    opts: { partial?: boolean | readonly RecordEntity[]; formatVersion?: number } = {},
  ): PackageProblem[] {
    const out: PackageProblem[] = [...this.#twice];
    const held = new Set(entitiesOf(opts.formatVersion ?? Infinity));
    for (const [entity, path] of Object.entries(DATA_FILES) as [RecordEntity, string][]) {
      if (!held.has(entity)) continue;
      if (!files.has(path)) out.push({ code: 'file-missing', path });
      const read = this.#lines.get(entity) ?? 0;
      if (counts && counts[entity] !== read)
        out.push({ code: 'count-mismatch', path, detail: `${read} ≠ ${counts[entity] ?? '—'}` });
    }
    // Partial: references may be to records elsewhere (all of them, or those of the entities named).
    const elsewhere = (e: RecordEntity) =>
      opts.partial === true || (Array.isArray(opts.partial) && opts.partial.includes(e));
    for (const r of this.#refs)
      if (!elsewhere(r.entity) && !this.#ids.get(r.entity)?.has(r.id))
        out.push({
          code: 'reference-missing',
          path: r.from.path,
          line: r.from.line,
          record: r.from.record,
          detail: `${r.entity} ${r.id}`,
        });
    for (const f of this.#files) {
      const found = files.get(f.path);
      if (!found || found.sha256 !== f.sha256)
        out.push({
          code: 'reference-missing',
          path: f.from.path,
          line: f.from.line,
          record: f.from.record,
          detail: f.path,
        });
    }
    return out;
  }
}

const hexOf = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** A plan's snapshot against its SHA-256; a draw re-run from its input and the witness's value (verifyDraw). */
function selfCheck(
  entity: RecordEntity,
  r: Record<string, unknown>,
  sha256: Sha256,
  at: { path: string; line: number },
): PackageProblem | null {
  const problem = (detail: string): PackageProblem => ({
    code: 'hash-mismatch',
    ...at,
    record: { entity, id: r.id as number },
    detail,
  });
  if (entity === 'plans' && r.snapshot !== null) {
    const digest = hexOf(sha256(new TextEncoder().encode(canonicalJson(r.snapshot))));
    return digest === r.snapshotSha256 ? null : problem('snapshotSha256');
  }
  if (entity === 'draws') {
    const { ok, problems } = verifyDraw(r as unknown as DrawRecord, sha256);
    return ok ? null : problem(problems.join(', '));
  }
  return null;
}
