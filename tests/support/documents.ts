import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../../electron/core/create-core.ts';
import { call } from './core.ts';
import { usccFor } from './ledger.ts';

/** An enterprise, two officers with valid certificates and an inspection, ready for documents. */
export async function inspectionReady(core: Core, token: string, n = 1) {
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
      startedAt: '2026-11-20T09:30',
      endedAt: '2026-11-20T11:00',
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
