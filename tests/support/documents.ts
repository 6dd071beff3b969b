import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Core } from '../../electron/core/create-core.ts';
import { call } from './core.ts';
import { usccFor } from './ledger.ts';

/** A 现场检查记录 just made for a new inspection: a draft to save, preview and issue. */
export async function recordDraft(core: Core, token: string) {
  const { inspection } = await inspectionReady(core, token);
  return call(core, 'documents:create', { type: 'inspection-record', inspectionId: inspection.id }, token);
}

/** An enterprise, two officers with valid certificates and an inspection, ready for documents. */
export async function inspectionReady(core: Core, token: string, n = 1, day = '2026-11-20') {
  const enterprise = await call(
    core,
    'enterprises:create',
    {
      uscc: usccFor(900 + n),
      name: `宣汉县东林化工有限公司${n > 1 ? n : ''}`,
      address: '宣汉县东乡街道工业园区8号',
      principal: '王明',
    },
    token,
  );
  const existing = await call(core, 'officers:list', {}, token);
  const officers =
    existing.length >= 2
      ? existing.slice(0, 2)
      : [
          await call(
            core,
            'officers:create',
            { name: '张明', certificateNo: '51172200101', certValidFrom: '2024-01-01', certValidTo: '2028-12-31' },
            token,
          ),
          await call(
            core,
            'officers:create',
            { name: '李华', certificateNo: '51172200102', certValidFrom: '2024-01-01', certValidTo: '2028-12-31' },
            token,
          ),
        ];
  const inspection = await call(
    core,
    'inspections:create',
    {
      enterpriseId: enterprise.id,
      kind: 'plan',
      startedAt: `${day}T09:30`,
      endedAt: `${day}T11:00`,
      place: '危化品仓库',
      officerIds: officers.map((o) => o.id),
      present: [{ role: 'principal', name: '王明', post: '总经理', phone: '13900002222' }],
      findings: '1. 危化品仓库未设置可燃气体报警装置。\n2. 有限空间作业未制定专项方案。',
    },
    token,
  );
  return { enterprise, officers, inspection };
}

/** Runs a poppler tool on the PDF written to a temporary file, removed afterwards. */
function poppler(tool: string, pdf: Buffer, args: (file: string) => string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync(tool, args(file), { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Buffer, args: string[] = []): string {
  return poppler('pdftotext', pdf, (file) => [...args, file, '-']);
}

export function pdfFonts(pdf: Buffer): { name: string; emb: string; sub: string }[] {
  return poppler('pdffonts', pdf, (file) => [file])
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => {
      const c = l.trim().split(/\s+/);
      return { name: c[0], emb: c.at(-5)!, sub: c.at(-4)! };
    });
}

export const pdfOf = (d: { dataBase64: string }) => Buffer.from(d.dataBase64, 'base64');

/** Lines that are only a place to sign or seal, or the date under a seal: never a page's whole content. */
const SIGNING =
  /^(.*（(签名|印章|签字|盖章)）.*|.*签名或盖章.*|(\d{4}|\u3000*)\s*年\s*(\d{1,2}|\u3000*)\s*月\s*(\d{1,2}|\u3000*)\s*日|[^\s]+（印章）|\s*第\s*\d+\s*页.*|.*（续页）|.*安全生产行政执法文书|本文书一式.*|演示数据|演|示|数|据|草|稿|草\s*稿)$/;

/**
 * What the printed text of a document must never show (issue 16), read with pdftotext over every page:
 * a page holding only signature or seal lines (the block went on alone), a time not written as 9时00分,
 * a line starting with 号, 日 or a closing bracket (a 文号, a date or a label broken inside), and a missing
 * 文号 where the type is numbered (`number`, e.g. 宣应急罚), and a page of a 笔录 without its signer's line.
 */
export function printedFaults(pdf: Buffer, number: string | null, pageSignature?: string): string[] {
  const pages = pdfText(pdf, ['-layout']).split('\f').slice(0, -1);
  const faults: string[] = [];
  pages.forEach((page, i) => {
    const lines = page
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const content = lines.filter((l) => !SIGNING.test(l.replace(/\s+/g, ' ')));
    if (i > 0 && lines.length && !content.length)
      faults.push(`page ${i + 1} holds only signing lines: ${lines.join(' / ')}`);
    // A 笔录 is signed on every page by the person it records.
    if (pageSignature && !lines.some((l) => l.replace(/\s+/g, '').startsWith(`${pageSignature}（签名）`)))
      faults.push(`page ${i + 1} has no ${pageSignature}（签名） line`);
    for (const l of lines) {
      if (/^[号日）〕]/.test(l)) faults.push(`page ${i + 1}: a line starts with “${l[0]}”: ${l}`);
      for (const m of l.replace(/\s+/g, '').matchAll(/\d+时(?!\d{2}分)/g))
        faults.push(`page ${i + 1}: a time not as 9时00分: …${m[0]}`);
    }
  });
  const flat = pages.join('').replace(/\s+/g, '');
  if (number && !new RegExp(`${number}〔\\d{4}〕\\d+号`).test(flat)) faults.push(`no 文号 ${number}〔年〕N号`);
  return faults;
}

/** The 文号 a type's documents carry (the unit's prefix and the type's 代字), or null for one without. */
export async function numberOf(core: Core, token: string, type: string): Promise<string | null> {
  const t = (await call(core, 'documents:catalogue', undefined, token)).find((x) => x.id === type);
  const unit = await call(core, 'unit:get', undefined, token);
  return t?.code && unit && !type.startsWith('summary-penalty') ? `${unit.numberPrefix}${t.code}` : null;
}

/**
 * Writes under the documents' freeze trigger, as a file of an earlier version or a tool with the database file could:
 * the trigger is dropped for `write` and put back as it was, in one transaction.
 */
export function underFreeze(raw: Database.Database, write: () => void): void {
  const trigger = (
    raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'documents_frozen'").get() as {
      sql: string;
    }
  ).sql;
  raw.transaction(() => {
    raw.exec('DROP TRIGGER documents_frozen');
    write();
    raw.exec(trigger);
  })();
}

/**
 * An issued document as a file of an earlier version froze it (before its legal content came from the record,
 * issue 16): its stored fields changed under the freeze trigger.
 */
export function frozenAsTyped(core: Core, id: number, change: (fields: Record<string, unknown>) => void): void {
  const raw = core.state.store.raw;
  const fields = JSON.parse(
    (raw.prepare('SELECT fields_json AS f FROM documents WHERE id = ?').get(id) as { f: string }).f,
  ) as Record<string, unknown>;
  change(fields);
  underFreeze(raw, () =>
    raw.prepare('UPDATE documents SET fields_json = ? WHERE id = ?').run(JSON.stringify(fields), id),
  );
}
