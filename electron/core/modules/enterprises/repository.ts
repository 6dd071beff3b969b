import { type Kysely, type Selectable, sql } from 'kysely';
import type { Enterprise, EnterpriseFields, EnterpriseListItem } from '../../../../shared/entities/enterprise.ts';
import { checkUscc } from '../../../../shared/base/uscc.ts';
import { lookupIndustry } from '../../../../shared/domain/industry.ts';
import type { ParsedInputOf } from '../../../../shared/api/contract.ts';
import type { DB, EnterprisesTable } from '../../db/schema.ts';
import type { Knowledge } from '../../knowledge.ts';

type Row = Omit<Selectable<EnterprisesTable>, 'searchText'>;

export function industryName(knowledge: Knowledge, code: string): string | null {
  if (!code) return null;
  const found = lookupIndustry(knowledge.industryIndex, code);
  return found.status === 'known' ? found.name : null;
}

export function toEnterprise(row: Row, knowledge: Knowledge): Enterprise {
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    legalRepresentative: row.legalRepresentative,
    principal: row.principal,
    address: row.address,
    township: row.township,
    industryCode: row.industryCode,
    industryName: industryName(knowledge, row.industryCode),
    categories: JSON.parse(row.categoriesJson),
    enforcementLevel: row.enforcementLevel as Enterprise['enforcementLevel'],
    standardizationGrade: row.standardizationGrade as Enterprise['standardizationGrade'],
    riskGrade: row.riskGrade as Enterprise['riskGrade'],
    creditStatus: row.creditStatus as Enterprise['creditStatus'],
    accidentHistory: row.accidentHistory,
    contacts: JSON.parse(row.contactsJson),
    notes: row.notes,
    status: row.status as Enterprise['status'],
    withdrawnAt: row.withdrawnAt,
    withdrawnBy: row.withdrawnBy,
    withdrawReason: row.withdrawReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    warnings: checkUscc(row.uscc).warnings,
  };
}

/** The columns as stored, from validated fields. */
export function toColumns(f: EnterpriseFields) {
  return {
    uscc: f.uscc,
    name: f.name,
    legalRepresentative: f.legalRepresentative,
    principal: f.principal,
    address: f.address,
    township: f.township,
    industryCode: f.industryCode,
    categoriesJson: JSON.stringify(f.categories),
    enforcementLevel: f.enforcementLevel,
    standardizationGrade: f.standardizationGrade,
    riskGrade: f.riskGrade,
    creditStatus: f.creditStatus,
    accidentHistory: f.accidentHistory,
    contactsJson: JSON.stringify(f.contacts),
    notes: f.notes,
  };
}

export async function findById(db: Kysely<DB>, id: number): Promise<Row | undefined> {
  return db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A substring scan over name, code, people (incl. contacts), address and township (one generated
 * column): at county scale (tens of thousands of rows) it takes milliseconds, and unlike FTS trigram it
 * finds one- and two-character fragments.
 */
export async function search(
  db: Kysely<DB>,
  knowledge: Knowledge,
  input: ParsedInputOf<'enterprises:search'>,
): Promise<{ items: EnterpriseListItem[]; total: number }> {
  let q = db.selectFrom('enterprises');
  if (input.status !== 'all') q = q.where('status', '=', input.status);
  if (input.township) q = q.where('township', '=', input.township);
  if (input.enforcementLevel) q = q.where('enforcementLevel', '=', input.enforcementLevel);
  if (input.riskGrade) q = q.where('riskGrade', '=', input.riskGrade);
  if (input.creditStatus) q = q.where('creditStatus', '=', input.creditStatus);
  if (input.category) q = q.where('categoriesJson', 'like', `%"${input.category}"%`);
  const text = input.query.trim();
  // instr() is a plain substring search: several times faster than LIKE on CJK text, nothing to escape.
  if (text)
    q = q.where(sql<boolean>`instr(${sql.ref('searchText')}, ${text.replace(/[a-z]/g, (c) => c.toUpperCase())}) > 0`);
  const [{ total }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    q
      .selectAll()
      .orderBy('name')
      .orderBy('id')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
  ]);
  const items = rows.map((r) => {
    const e = toEnterprise(r, knowledge);
    return {
      id: e.id,
      uscc: e.uscc,
      name: e.name,
      township: e.township,
      industryCode: e.industryCode,
      industryName: e.industryName,
      categories: e.categories,
      enforcementLevel: e.enforcementLevel,
      riskGrade: e.riskGrade,
      creditStatus: e.creditStatus,
      status: e.status,
      updatedAt: e.updatedAt,
      principal: e.principal,
    };
  });
  return { items, total: Number(total) };
}
