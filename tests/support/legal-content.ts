import type { Core } from '../../electron/core/create-core.ts';
import { call, UNIT } from './core.ts';

/**
 * The mutation test of issue 16: a draft that issues cleanly has every legal-content leaf of its fields
 * perturbed, one at a time — an amount in figures or in 大写, a law's name, an article, 款 or 项, the kind of
 * penalty, the 复议机关 or the court, a party's name or code, the defence — and each change must be refused
 * at issue or impossible to make (the saved draft still holds the record's value). Driven by the fields a
 * type's prefill holds, so a new document type is covered by the tests that issue it.
 */
type Path = (string | number)[];
interface Leaf {
  path: Path;
  value: string | number;
}

function leaves(v: unknown, path: Path = []): Leaf[] {
  if (typeof v === 'string' || typeof v === 'number') return [{ path, value: v }];
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...path, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
  return [];
}

const NUMERALS = '一二三四五六七八九';
/** Another numeral in a citation: 第九十九条 → 第九十八条, 第九十条 → 第九十一条. */
function otherNumeral(n: string): string {
  const last = n.at(-1)!;
  if (last === '十' || last === '百') return `${n}一`;
  const i = NUMERALS.indexOf(last);
  return n.slice(0, -1) + NUMERALS[(i + 1) % 9];
}

const UPPER = '壹贰叁肆伍陆柒捌玖';
type Mutator = (value: string, key: string) => string | null;

/** What a clerk could get wrong in the legal content, each as a change to one string. */
export function mutators(record: { names: string[]; codes: string[] }): Record<string, Mutator> {
  const replace = (v: string, re: RegExp, f: (m: RegExpExecArray) => string) => {
    const m = re.exec(v);
    return m ? v.slice(0, m.index) + f(m) + v.slice(m.index + m[0].length) : null;
  };
  return {
    lawName: (v) =>
      replace(v, /《中华人民共和国([^》]+法)》/, (m) =>
        m[1] === '消防法' ? '《中华人民共和国安全生产法》' : '《中华人民共和国消防法》',
      ),
    article: (v) => replace(v, /第([一二三四五六七八九十百]+)条/, (m) => `第${otherNumeral(m[1])}条`),
    clause: (v) => replace(v, /第([一二三四五六七八九十]+)款/, (m) => `第${otherNumeral(m[1])}款`),
    item: (v) => replace(v, /第（([一二三四五六七八九十]+)）项/, (m) => `第（${otherNumeral(m[1])}）项`),
    figures: (v) =>
      replace(v, /(?:¥|￥)\s?\d|\d(?=[\d,.]*\s?元)/, (m) => m[0].replace(/\d$/, (d) => (d === '1' ? '2' : '1'))),
    words: (v) =>
      replace(
        v,
        /[壹贰叁肆伍陆柒捌玖](?=[拾佰仟万亿元整角分零壹贰叁肆伍陆柒捌玖]*[元整])/,
        (m) => UPPER[(UPPER.indexOf(m[0]) + 1) % 9],
      ),
    penaltyKind: (v, key) => (/penalty/i.test(key) && v.includes('罚款') ? v.replace('罚款', '警告') : null),
    party: (v) => (record.names.includes(v) ? `${v}二厂` : null),
    code: (v) => (record.codes.includes(v) ? v.slice(0, -2) + (v.at(-2) === '1' ? '2' : '1') + v.slice(-1) : null),
    remedy: (v) => (v === UNIT.reviewAgency || v === UNIT.court ? '达州市人民政府' : null),
    defence: (v, key) => (/statementSummary|defence/.test(key) && v ? `${v}本机关予以采纳。` : null),
    // A narrative worded freely states only the record's figures and provisions.
    narrativeAmount: (v, key) => (NARRATIVE.test(key) && v ? `${v}，违法所得99,999元` : null),
    narrativeWords: (v, key) => (NARRATIVE.test(key) && v ? `${v}，罚款人民币玖万玖仟玖佰玖拾玖元整` : null),
    narrativeCitation: (v, key) =>
      NARRATIVE.test(key) && v ? `${v}，违反了《中华人民共和国安全生产法》第二百条的规定` : null,
  };
}

/**
 * Fields that are not the agency's decision on the law: what someone said or saw, written as said (a 笔录's
 * questions and answers and the person's own employer, the words spoken at a hearing, what a 勘验 found), whom a
 * 询问通知书 summons — any person or unit whose statement is needed, not only the party (a unit party's 简称 there
 * is the case-file review's criterion) — and facts stated before any 呈批.
 */
const TESTIMONY: Record<string, readonly string[]> = {
  'hearing-record': ['proceedings'],
  'questioning-record': ['qa', 'employer'],
  'survey-record': ['findings'],
  'questioning-notice': ['addressee'],
  // What was found, before (or apart from) any 呈批 deciding the law: a seizure's grounds, the facts handed to the
  // police (losses, quantities). Their legal bases are generated; the case's own figures are not yet decided.
  'seal-seize-decision': ['facts'],
  'transfer-letter': ['facts'],
};

/** The narratives a clerk words freely: the facts and the evidence of a case document. */
const NARRATIVE = /(^|\.)(facts|evidence)$/;

/** Numbers that are amounts: a change of one 元 is a different fine. */
const AMOUNT_KEY = /fine|amount|total|surcharge|gains|paid/i;

export interface Escape {
  type: string;
  path: string;
  mutation: string;
  value: string;
}

const at = (o: unknown, path: Path): unknown =>
  path.reduce<unknown>((x, k) => (x as Record<string | number, unknown> | undefined)?.[k], o);
function withLeaf(o: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(o) as Record<string | number, unknown>;
  let x = copy;
  for (const k of path.slice(0, -1)) x = x[k] as Record<string | number, unknown>;
  x[path.at(-1)!] = value;
  return copy;
}

/**
 * Perturbs the draft's legal content and returns every change that would have been issued (asked of
 * documents:check, so nothing is issued). The draft is left holding its original fields; its new
 * version is returned.
 */
export async function legalContentEscapes(
  core: Core,
  token: string,
  draft: { id: number; version: number; type: string; fields: Record<string, unknown> },
  record: { names: string[]; codes: string[] },
): Promise<{ escapes: Escape[]; tried: number; version: number }> {
  const original = draft.fields;
  const internal = (await call(core, 'documents:catalogue', undefined, token)).find(
    (t) => t.id === draft.type,
  )?.internal;
  // An internal form (an approval, the 听证会报告书) goes to no party: what the agency decides is on the outward ones.
  if (internal) return { escapes: [], tried: 0, version: draft.version };
  const testimony = TESTIMONY[draft.type] ?? [];
  let version = draft.version;
  const escapes: Escape[] = [];
  let tried = 0;
  const all = mutators(record);
  for (const leaf of leaves(original)) {
    const key = leaf.path.filter((k) => typeof k === 'string').join('.');
    if (testimony.some((t) => leaf.path[0] === t)) continue;
    const changes: [string, unknown][] = [];
    if (typeof leaf.value === 'number') {
      if (leaf.value > 0 && AMOUNT_KEY.test(String(leaf.path.at(-1)))) changes.push(['amount', leaf.value + 1000]);
    } else {
      for (const [name, m] of Object.entries(all)) {
        const changed = m(leaf.value, key);
        if (changed !== null && changed !== leaf.value) changes.push([name, changed]);
      }
    }
    for (const [mutation, value] of changes) {
      tried++;
      const fields = withLeaf(original, leaf.path, value) as Record<string, unknown>;
      const saved = await core.dispatch('documents:save', { id: draft.id, version, fields }, { token });
      if (!saved.ok) {
        if (saved.error.code !== 'VALIDATION')
          escapes.push({
            type: draft.type,
            path: leaf.path.join('.'),
            mutation,
            value: `${saved.error.code}: ${String(value)}`,
          });
        continue;
      }
      const detail = saved.data as { version: number; fields: Record<string, unknown> };
      version = detail.version;
      // Generated from the record: the draft holds the record's value whatever was sent.
      if (JSON.stringify(at(detail.fields, leaf.path)) !== JSON.stringify(value)) continue;
      const { issues } = await call(core, 'documents:check', { id: draft.id }, token);
      if (!issues.length) escapes.push({ type: draft.type, path: leaf.path.join('.'), mutation, value: String(value) });
    }
  }
  const restored = await call(core, 'documents:save', { id: draft.id, version, fields: original }, token);
  return { escapes, tried, version: restored.version };
}

/** The names and codes the record gives the parties of a case (or the enterprise of an inspection). */
export async function partiesOf(
  core: Core,
  token: string,
  source: { caseId?: number; inspectionId?: number },
): Promise<{ names: string[]; codes: string[] }> {
  if (source.caseId) {
    const c = await call(core, 'cases:get', { id: source.caseId }, token);
    return {
      names: [c.unit.name, ...c.persons.map((p) => p.name)],
      codes: [c.unit.code, ...c.persons.map((p) => p.idNumber)].filter(Boolean),
    };
  }
  const i = await call(core, 'inspections:get', { id: source.inspectionId! }, token);
  const e = await call(core, 'enterprises:get', { id: i.enterpriseId }, token);
  return { names: [e.name], codes: [e.uscc] };
}
