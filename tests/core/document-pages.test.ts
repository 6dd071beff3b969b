import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { caseGenerator } from '../../electron/core/modules/demo/case-generator.ts';
import { addUser, call, newCore, setUp } from '../support/core.ts';
import { inspectionReady, pdfOf, pdfText, printedFaults } from '../support/documents.ts';

/**
 * Where a page ends (issue 16): a document whose text grows line by line across the end of its first page
 * never leaves its signature or seal block alone on the next, and never breaks a date, a time or a 文号.
 * Each type is grown one paragraph at a time through the window where it turns from one page to two.
 */
let core: Core;
let token: string;
const source: Record<string, { inspectionId?: number; caseId?: number }> = {};

beforeAll(async () => {
  core = await newCore({ clock: () => new Date('2026-11-20T03:00:00Z') });
  token = await setUp(core);
  const { inspection, enterprise, officers } = await inspectionReady(core, token);
  const generate = caseGenerator((c, i, e) => core.dispatch(c, i, e), token);
  const handlerIds = [officers[0].id, officers[1].id] as [number, number];
  const reviewerToken = await addUser(core, token, 'fzsh', 'reviewer');
  source['inspection-record'] = { inspectionId: inspection.id };
  const filed = await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-10-09', stopAt: 'filed' });
  source['survey-record'] = { caseId: filed.id };
  const heard = await generate({
    enterpriseId: enterprise.id,
    handlerIds,
    filedOn: '2026-09-01',
    stopAt: 'decided',
    variations: ['hearing'],
    reviewerToken,
  });
  source['hearing-report'] = { caseId: heard.id };
  const noticed = await generate({
    enterpriseId: enterprise.id,
    handlerIds,
    filedOn: '2026-10-09',
    stopAt: 'noticed',
    variations: ['statement-waived'],
  });
  source['penalty-decision-unit'] = { caseId: noticed.id };
});
afterAll(() => core?.close());

/** The field each type's text grows in. */
const GROWS: Record<string, (fields: Record<string, unknown>, text: string) => Record<string, unknown>> = {
  'inspection-record': (f, text) => ({ ...f, findings: text }),
  'survey-record': (f, text) => ({
    ...f,
    startedAt: '2026-11-20T14:00',
    endedAt: '2026-11-20T15:10',
    subject: '1号危化品仓库及其可燃气体报警装置',
    findings: text,
  }),
  'hearing-report': (f, text) => ({ ...f, findings: text, opinion: '建议维持原处罚意见。' }),
  'penalty-decision-unit': (f, text) => ({
    ...f,
    paymentPlace: '宣汉县农村信用合作联社（账号：88010120000012345）',
    violations: (f.violations as Record<string, unknown>[]).map((v, i) => (i ? v : { ...v, facts: text })),
  }),
};

const LINE = '危化品仓库可燃气体报警装置未按规定设置，现场检查时仓库内存放甲类危险化学品。';

describe('the end of a page', () => {
  it('never loses text: a paragraph longer than a page still prints whole, with the signatures after it', async () => {
    const draft = await call(
      core,
      'documents:create',
      { type: 'inspection-record', ...source['inspection-record'] },
      token,
    );
    // One paragraph of about 1,500 characters, ending in words to find.
    const findings = `${LINE.repeat(40)}以上为本次检查发现的全部问题。`;
    const saved = await call(
      core,
      'documents:save',
      { id: draft.id, version: draft.version, fields: { ...draft.fields, findings } },
      token,
    );
    const text = pdfText(pdfOf(await call(core, 'documents:preview', { id: saved.id }, token))).replace(/\s+/g, '');
    expect(text).toContain('以上为本次检查发现的全部问题。');
    expect(text).toContain('检查人员（签名）');
    expect(text).toContain('宣汉县应急管理局（印章）');
  });

  it.each(Object.keys(GROWS))('%s keeps its signing lines with its text at every length', async (type) => {
    const draft = await call(core, 'documents:create', { type, ...source[type] }, token);
    let version = draft.version;
    const render = async (n: number) => {
      const text = Array.from({ length: n }, (_, i) => `${i + 1}. ${LINE}`).join(
        type.startsWith('penalty') ? '；' : '\n',
      );
      const saved = await call(
        core,
        'documents:save',
        { id: draft.id, version, fields: GROWS[type](draft.fields, text) },
        token,
      );
      version = saved.version;
      return pdfOf(await call(core, 'documents:preview', { id: draft.id }, token));
    };
    const pages = (pdf: Buffer) => pdfText(pdf).split('\f').length - 1;
    // Coarse steps to where the second page begins, then every length around it.
    let n = 1;
    while (pages(await render(n)) < 2) {
      n += 4;
      expect(n, 'the text never reached a second page').toBeLessThan(120);
    }
    for (let m = Math.max(1, n - 5); m <= n + 2; m++) {
      const pdf = await render(m);
      expect(printedFaults(pdf, null), `${type} with ${m} paragraphs`).toEqual([]);
    }
  });
});
