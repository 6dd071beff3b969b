import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { call, failure, newCore, setUp, signIn } from '../support/core.ts';
import { inspectionReady, pdfFonts, pdfOf, pdfText } from '../support/documents.ts';

let core: Core;
afterEach(() => core?.close());
const clock = () => new Date('2026-11-22T03:00:00Z');

describe('现场检查记录 from draft to issued', () => {
  it('prefills from the inspection, previews as a draft, issues with the next number and freezes', async () => {
    core = await newCore({ clock });
    const token = await setUp(core);
    const { inspection } = await inspectionReady(core, token);
    const draft = await call(
      core,
      'documents:create',
      { type: 'inspection-record', inspectionId: inspection.id },
      token,
    );
    expect(draft).toMatchObject({
      status: 'draft',
      numberText: null,
      typeName: '现场检查记录',
      enterpriseName: '宣汉县东林化工有限公司',
    });
    expect(draft.fields).toMatchObject({
      representative: '王明',
      agency: '宣汉县应急管理局',
      startedAt: '2026-11-20T09:30',
      officers: [{ name: '张明' }, { name: '李华' }],
    });

    const preview = pdfText(pdfOf(await call(core, 'documents:preview', { id: draft.id }, token)));
    expect(preview).toContain('宣应急检记〔');
    expect(preview).toContain('草');

    const issued = await call(core, 'documents:issue', { id: draft.id, version: draft.version }, token);
    expect(issued).toMatchObject({ status: 'issued', numberText: '宣应急检记〔2026〕1号', issuedBy: '管理员' });
    const pdf = pdfOf(await call(core, 'documents:pdf', { id: issued.id }, token));
    const text = pdfText(pdf).replace(/\s+/g, '');
    const order = [
      '宣汉县应急管理局安全生产行政执法文书',
      '现场检查记录',
      '宣应急检记〔2026〕1号',
      '被检查单位：宣汉县东林化工有限公司',
      '检查时间：2026年11月20日9时30分至11时00分',
      '张明、李华',
      '检查情况',
      '危化品仓库未设置可燃气体报警装置',
      '检查人员（签名）',
      '执法证号：51172200101',
      '被检查单位现场负责人（签名）',
      '宣汉县应急管理局（印章）',
      '2026年11月20日',
      '本文书一式两份',
    ];
    let at = -1;
    for (const piece of order) {
      const i = text.indexOf(piece, at + 1);
      expect(i, `“${piece}” after position ${at}`).toBeGreaterThan(at);
      at = i;
    }
    expect(text).not.toContain('草稿');
    for (const f of pdfFonts(pdf)) expect(f, f.name).toMatchObject({ emb: 'yes', sub: 'yes' });

    expect(
      await failure(core, 'documents:save', { id: issued.id, version: issued.version, fields: {} }, token),
    ).toMatchObject({ code: 'DOCUMENT_FROZEN' });
    const raw = core.state.store.raw;
    expect(() => raw.prepare("UPDATE documents SET fields_json = '{}' WHERE id = ?").run(issued.id)).toThrow(/frozen/);
    expect(() => raw.prepare("UPDATE documents SET pdf_sha256 = 'x' WHERE id = ?").run(issued.id)).toThrow(/frozen/);
    expect(() => raw.prepare('UPDATE documents SET number_serial = 9 WHERE id = ?').run(issued.id)).toThrow(/frozen/);
    expect(() => raw.prepare('DELETE FROM documents WHERE id = ?').run(issued.id)).toThrow(/never deleted/);
    expect(() => raw.prepare('DELETE FROM document_numbers').run()).toThrow(/never released/);
    // The paths a plain UPDATE trigger would miss.
    expect(() =>
      raw
        .prepare(
          "INSERT OR REPLACE INTO documents (id, type, status, fields_json, created_at, created_by, updated_at) VALUES (?, 'inspection-record', 'draft', '{}', 'x', 'x', 'x')",
        )
        .run(issued.id),
    ).toThrow(/never deleted/);
    expect(() =>
      raw
        .prepare(
          "INSERT OR REPLACE INTO document_numbers (series, year, serial, document_id, status, assigned_at, assigned_by) SELECT series, year, serial, document_id, 'used', 'x', 'x' FROM document_numbers",
        )
        .run(),
    ).toThrow(/never released/);
    const other = await call(
      core,
      'documents:create',
      {
        type: 'inspection-record',
        inspectionId: (await call(core, 'documents:get', { id: issued.id }, token)).inspectionId!,
      },
      token,
    );
    expect(() =>
      raw
        .prepare(
          "UPDATE documents SET status = 'issued', number_text = '宣应急检记〔2026〕99号', pdf_sha256 = 'x' WHERE id = ?",
        )
        .run(other.id),
    ).toThrow(/claimed number/);
    const scanned = await call(
      core,
      'documents:attach-scan',
      { id: issued.id, file: { fileName: 'a.pdf', dataBase64: Buffer.from('%PDF a').toString('base64') } },
      token,
    );
    expect(scanned.hasScan).toBe(true);
    expect(
      await failure(
        core,
        'documents:attach-scan',
        { id: issued.id, file: { fileName: 'b.pdf', dataBase64: Buffer.from('%PDF b').toString('base64') } },
        token,
      ),
    ).toMatchObject({ code: 'DOCUMENT_SCAN_ATTACHED' });
    expect(() => raw.prepare("UPDATE documents SET scan_sha256 = 'other' WHERE id = ?").run(issued.id)).toThrow(
      /frozen/,
    );
  });

  it('takes the number’s year from the day of issue and refuses a date still to come', async () => {
    let now = new Date('2025-12-30T03:00:00Z');
    core = await newCore({ clock: () => now });
    let token = await setUp(core);
    // Inspected on the 29th: an inspection bears no day still to come.
    const { inspection } = await inspectionReady(core, token, 1, '2025-12-29');
    const late = await call(
      core,
      'documents:create',
      { type: 'inspection-record', inspectionId: inspection.id },
      token,
    );
    const future = await call(
      core,
      'documents:save',
      { id: late.id, version: late.version, fields: { ...late.fields, date: '2026-01-03' } },
      token,
    );
    expect(await failure(core, 'documents:issue', { id: future.id, version: future.version }, token)).toMatchObject({
      details: { issues: [{ path: ['fields', 'date'], key: 'documents.rules.dateInFuture' }] },
    });
    now = new Date('2026-01-05T03:00:00Z');
    token = await signIn(core);
    const issued = await call(core, 'documents:issue', { id: future.id, version: future.version }, token);
    expect(issued.numberText).toBe('宣应急检记〔2026〕1号');
  });

  it('counts the same officer named twice once', async () => {
    core = await newCore({ clock });
    const token = await setUp(core);
    const { inspection } = await inspectionReady(core, token);
    const d = await call(core, 'documents:create', { type: 'inspection-record', inspectionId: inspection.id }, token);
    const officers = d.fields.officers as unknown[];
    const saved = await call(
      core,
      'documents:save',
      { id: d.id, version: d.version, fields: { ...d.fields, officers: [officers[0], officers[0]] } },
      token,
    );
    const err = await failure(core, 'documents:issue', { id: saved.id, version: saved.version }, token);
    expect(err.details?.issues?.map((i) => i.key)).toEqual([
      'documents.rules.twoOfficers',
      'documents.rules.duplicateOfficer',
    ]);
  });

  it('refuses to issue with fewer than two officers or a certificate not valid that day, naming the rule', async () => {
    core = await newCore({ clock });
    const token = await setUp(core);
    const { inspection, officers } = await inspectionReady(core, token);
    await call(
      core,
      'officers:update',
      {
        id: officers[1].id,
        officer: { name: '李华', certificateNo: '51172200102', certValidFrom: '2020-01-01', certValidTo: '2026-11-19' },
      },
      token,
    );
    const draft = await call(
      core,
      'documents:create',
      { type: 'inspection-record', inspectionId: inspection.id },
      token,
    );
    expect(await failure(core, 'documents:issue', { id: draft.id, version: draft.version }, token)).toMatchObject({
      code: 'DOCUMENT_NOT_ISSUABLE',
      details: {
        issues: [
          {
            path: ['fields', 'officers', 1],
            key: 'documents.rules.certificateInvalid',
            params: { name: '李华', date: '2026-11-20' },
          },
        ],
      },
    });
    const saved = await call(
      core,
      'documents:save',
      {
        id: draft.id,
        version: draft.version,
        fields: { ...draft.fields, officers: [(draft.fields.officers as unknown[])[0]], findings: '' },
      },
      token,
    );
    const err = await failure(core, 'documents:issue', { id: saved.id, version: saved.version }, token);
    expect(err.details?.issues?.map((i) => i.key)).toEqual([
      'documents.rules.twoOfficers',
      'documents.rules.findingsRequired',
    ]);
    // Nothing was numbered by the refused attempts.
    expect(core.state.store.raw.prepare('SELECT COUNT(*) AS n FROM document_numbers').get()).toEqual({ n: 0 });
  });

  it('numbers per type and year without gaps; a voided number stays recorded; a correction takes a new number', async () => {
    core = await newCore({ clock });
    const token = await setUp(core);
    const { inspection } = await inspectionReady(core, token);
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = await call(core, 'documents:create', { type: 'inspection-record', inspectionId: inspection.id }, token);
      numbers.push((await call(core, 'documents:issue', { id: d.id, version: d.version }, token)).numberText!);
    }
    expect(numbers).toEqual(['宣应急检记〔2026〕1号', '宣应急检记〔2026〕2号', '宣应急检记〔2026〕3号']);
    const list = await call(core, 'documents:list', { inspectionId: inspection.id }, token);
    const second = list.items.find((d) => d.numberText === numbers[1])!;
    const voided = await call(
      core,
      'documents:void',
      { id: second.id, reason: '打印时填错被检查单位名称，已收回' },
      token,
    );
    expect(voided).toMatchObject({
      status: 'voided',
      voidReason: '打印时填错被检查单位名称，已收回',
      numberText: numbers[1],
    });
    expect(
      core.state.store.raw.prepare('SELECT serial, status, reason FROM document_numbers ORDER BY serial').all(),
    ).toEqual([
      { serial: 1, status: 'used', reason: null },
      { serial: 2, status: 'voided', reason: '打印时填错被检查单位名称，已收回' },
      { serial: 3, status: 'used', reason: null },
    ]);
    const first = list.items.find((d) => d.numberText === numbers[0])!;
    const correction = await call(core, 'documents:correct', { id: first.id, reason: '检查时间记录有误' }, token);
    expect(correction).toMatchObject({ status: 'draft', supersedesId: first.id, correctionReason: '检查时间记录有误' });
    expect(await failure(core, 'documents:correct', { id: first.id, reason: '再次更正' }, token)).toMatchObject({
      code: 'DOCUMENT_ALREADY_CORRECTED',
      details: { id: correction.id },
    });
    const corrected = await call(core, 'documents:issue', { id: correction.id, version: correction.version }, token);
    expect(corrected.numberText).toBe('宣应急检记〔2026〕4号');
    expect(
      pdfText(pdfOf(await call(core, 'documents:pdf', { id: corrected.id }, token))).replace(/\s+/g, ''),
    ).toContain('本文书更正宣应急检记〔2026〕1号，原文书同时作废。更正原因：检查时间记录有误');
    expect((await call(core, 'documents:get', { id: first.id }, token)).supersededById).toBe(corrected.id);
  });

  it('never reuses a number after a restore from an older backup', async () => {
    core = await newCore({ clock });
    let token = await setUp(core);
    const { inspection } = await inspectionReady(core, token);
    const issue = async () => {
      const d = await call(core, 'documents:create', { type: 'inspection-record', inspectionId: inspection.id }, token);
      return (await call(core, 'documents:issue', { id: d.id, version: d.version }, token)).numberText;
    };
    expect(await issue()).toBe('宣应急检记〔2026〕1号');
    const backup = await call(core, 'backups:create', {}, token);
    expect(await issue()).toBe('宣应急检记〔2026〕2号');
    await call(core, 'backups:restore', { name: backup.name }, token);
    token = await signIn(core);
    expect(await issue()).toBe('宣应急检记〔2026〕3号');
    expect(core.state.store.raw.prepare('SELECT floor, reason FROM document_number_floors').all()).toEqual([
      { floor: 2, reason: expect.stringContaining('不再重复使用') },
    ]);
  });

  it('leaves no gap when rendering fails', async () => {
    core = await newCore({ clock });
    const token = await setUp(core);
    const { inspection } = await inspectionReady(core, token);
    const a = await call(core, 'documents:create', { type: 'inspection-record', inspectionId: inspection.id }, token);
    const render = core.state.render;
    core.state.render = async () => {
      throw new Error('disk full');
    };
    expect(await failure(core, 'documents:issue', { id: a.id, version: a.version }, token)).toMatchObject({
      code: 'RENDER_FAILED',
    });
    core.state.render = render;
    expect((await call(core, 'documents:issue', { id: a.id, version: a.version }, token)).numberText).toBe(
      '宣应急检记〔2026〕1号',
    );
  });

  it('records service (送达) and attaches the signed, sealed scan', async () => {
    core = await newCore({ clock });
    const token = await setUp(core);
    const { inspection, officers } = await inspectionReady(core, token);
    const d = await call(core, 'documents:create', { type: 'inspection-record', inspectionId: inspection.id }, token);
    expect(
      await failure(
        core,
        'documents:serve',
        { id: d.id, service: { method: 'direct', servedAt: '2026-11-20T11:10', recipient: '王明' } },
        token,
      ),
    ).toMatchObject({ code: 'DOCUMENT_NOT_ISSUED' });
    await call(core, 'documents:issue', { id: d.id, version: d.version }, token);
    expect(
      await failure(
        core,
        'documents:serve',
        {
          id: d.id,
          service: { method: 'left', servedAt: '2026-11-20T11:10', refused: true, officerIds: [officers[0].id] },
        },
        token,
      ),
    ).toMatchObject({ code: 'VALIDATION' });
    const served = await call(
      core,
      'documents:serve',
      {
        id: d.id,
        service: {
          method: 'left',
          servedAt: '2026-11-20T11:10',
          place: '企业办公室',
          refused: true,
          witness: '村委会主任赵六',
          officerIds: officers.map((o) => o.id),
          note: '拒绝签收',
        },
      },
      token,
    );
    expect(served.services[0]).toMatchObject({
      refused: true,
      witness: '村委会主任赵六',
      officerNames: ['张明', '李华'],
    });
    const scanned = await call(
      core,
      'documents:attach-scan',
      { id: d.id, file: { fileName: '签章扫描件.pdf', dataBase64: Buffer.from('%PDF-1.4 scan').toString('base64') } },
      token,
    );
    expect(scanned).toMatchObject({ hasScan: true, scanName: '签章扫描件.pdf', served: true });
  });
});

describe('glyph coverage', () => {
  it('sets rare name characters in the fallback font, never as a box', async () => {
    core = await newCore({ clock });
    const token = await setUp(core);
    const { inspection } = await inspectionReady(core, token);
    const d = await call(core, 'documents:create', { type: 'inspection-record', inspectionId: inspection.id }, token);
    const saved = await call(
      core,
      'documents:save',
      { id: d.id, version: d.version, fields: { ...d.fields, representative: '王堃喆镕珺昇' } },
      token,
    );
    const pdf = pdfOf(await call(core, 'documents:preview', { id: saved.id }, token));
    expect(pdfText(pdf)).toContain('王堃喆镕珺昇');
    expect(
      pdfFonts(pdf)
        .map((f) => f.name)
        .join(' '),
    ).toMatch(/NotoSerifCJKsc-Regular/);
  });

  it('stops with an error naming the field when no font has a character', async () => {
    core = await newCore({ clock });
    const token = await setUp(core);
    const { inspection } = await inspectionReady(core, token);
    // A font set whose fallback lacks 𠮷 (U+20BB7), as with the plain Fandol or Arphic sets.
    core.state.fonts = { ...core.state.fonts, roles: { ...core.state.fonts.roles, fallback: 'Song' } };
    const d = await call(core, 'documents:create', { type: 'inspection-record', inspectionId: inspection.id }, token);
    const saved = await call(
      core,
      'documents:save',
      { id: d.id, version: d.version, fields: { ...d.fields, representative: '𠮷野' } },
      token,
    );
    expect(await failure(core, 'documents:preview', { id: saved.id }, token)).toMatchObject({
      code: 'DOCUMENT_GLYPH_MISSING',
      details: { char: '𠮷', codePoint: 'U+20BB7', field: 'fields.representative' },
    });
  });
});

describe('installed official fonts', () => {
  it('uses a font file the admin chose, and refuses collections and unreadable files', async () => {
    core = await newCore({ clock });
    const token = await setUp(core);
    const settings = await call(core, 'settings:get', {}, token);
    expect(
      await failure(
        core,
        'settings:update',
        { ...settings, fontOverrides: { Fang: { normal: 'C:/Windows/Fonts/simsun.ttc' } } },
        token,
      ),
    ).toMatchObject({ details: { issues: [{ key: 'validation.font.singleFace' }] } });
    expect(
      await failure(
        core,
        'settings:update',
        { ...settings, fontOverrides: { Fang: { normal: '/nonexistent/FangSong_GB2312.ttf' } } },
        token,
      ),
    ).toMatchObject({
      details: { issues: [{ key: 'validation.font.unreadable', path: ['fontOverrides', 'Fang', 'normal'] }] },
    });
    // Stand-in for an installed 仿宋_GB2312: any single-face CJK font outside the app's own choice for the role.
    const hei = `${core.state.resourcesDir}/fonts/FandolHei-Regular.otf`;
    await call(core, 'settings:update', { ...settings, fontOverrides: { Fang: { normal: hei } } }, token);
    const { inspection } = await inspectionReady(core, token);
    const d = await call(core, 'documents:create', { type: 'inspection-record', inspectionId: inspection.id }, token);
    const names = pdfFonts(pdfOf(await call(core, 'documents:preview', { id: d.id }, token)))
      .map((f) => f.name)
      .join(' ');
    expect(names).not.toMatch(/FandolFang/);
    expect(names).toMatch(/FandolHei/);
  });

  it('takes a change to some settings without resetting the rest, and an emptied path restores the bundled font', async () => {
    core = await newCore({ clock });
    const token = await setUp(core);
    const hei = `${core.state.resourcesDir}/fonts/FandolHei-Regular.otf`;
    const g = { ...(await call(core, 'settings:get', {}, token)).documentLayout, marginLeftMm: 30 };
    await call(core, 'settings:update', { documentLayout: g, fontOverrides: { Fang: { normal: hei } } }, token);
    const after = await call(core, 'settings:update', { backupKeep: 7 }, token);
    expect(after).toMatchObject({
      backupKeep: 7,
      documentLayout: { marginLeftMm: 30 },
      fontOverrides: { Fang: { normal: hei } },
    });
    expect(
      (
        await call(
          core,
          'settings:update',
          { fontOverrides: { Fang: { normal: '' }, Song: { normal: ' ', bold: '' } } },
          token,
        )
      ).fontOverrides,
    ).toEqual({});
    expect(
      await failure(core, 'settings:update', { fontOverrides: { Song: { normal: '', bold: hei } } }, token),
    ).toMatchObject({
      details: { issues: [{ key: 'validation.font.normalFirst', path: ['fontOverrides', 'Song', 'normal'] }] },
    });
  });
});
