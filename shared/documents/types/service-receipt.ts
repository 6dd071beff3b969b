import { z } from 'zod';
import { caseNameOf } from '../case-documents.ts';
import type { Content } from 'pdfmake/interfaces.js';
import { chineseDate } from '../../domain/dates.ts';
import { SERVICE_METHODS } from '../../base/vocabulary.ts';
import { labelled, sealAndDate, unbroken } from '../layout.ts';
import { type DocumentTemplate, officersOf, type PrefillSource } from '../template.ts';
import { isoDate, required } from '../../entities/common.ts';
import { addresseeField, caseParty } from '../case-violations.ts';

/** 文书送达回执: which documents were served on whom, where, when, how and by whom; the recipient signs. */

/**
 * What the receipt lists: the documents served on its addressee, as their service was recorded — a document not
 * yet served is not on it, and a person's documents are on the person's receipt, not the unit's.
 */
function servedOn({ inspection, roster, issued, case: c }: PrefillSource) {
  const party = c?.party ?? 'unit';
  const servers = officersOf(inspection?.officerIds, roster)
    .map((o) => o.name)
    .join('、');
  const served = issued.filter((d) => !d.internal && d.service && String(d.party) === String(party));
  return { party, served, servers };
}

const serviceReceiptFields = z.object({
  /** The addressee: the unit (or the enterprise inspected), or a person fined beside it. */
  party: addresseeField,
  caseName: z.string().trim().max(200).default(''),
  recipient: required(z.string().max(100)),
  rows: z
    .array(
      z.object({
        document: required(z.string().max(200)),
        place: z.string().trim().max(200).default(''),
        servedOn: isoDate.or(z.literal('')).default(''),
        method: z.string().trim().max(30).default(''),
        server: z.string().trim().max(60).default(''),
      }),
    )
    .max(200)
    .default([]),
  note: z.string().trim().max(1000).default(''),
  date: isoDate,
});

export const serviceReceipt: DocumentTemplate<typeof serviceReceiptFields> = {
  type: 'service-receipt',
  fields: serviceReceiptFields,
  form: [
    [
      { field: 'caseName', input: 'text', span: 12, record: true },
      { field: 'recipient', input: 'text', span: 8, record: true },
      { field: 'date', input: 'date', span: 4 },
    ],
    {
      field: 'rows',
      input: 'rows',
      label: 'servedDocuments',
      add: 'addServedDocument',
      record: true,
      columns: [
        { field: 'document', input: 'text', placeholder: 'documentAndNumber', width: 300, record: true },
        { field: 'place', input: 'text', placeholder: 'servePlace', record: true },
        { field: 'servedOn', input: 'date', width: 150, record: true },
        { field: 'method', input: 'text', placeholder: 'serveMethod', record: true },
        { field: 'server', input: 'text', placeholder: 'server', record: true },
      ],
    },
    { field: 'note', input: 'text' },
    { field: 'party', input: 'hidden' },
  ],

  prefill(src) {
    // A refusal goes in 备注 with its witness (留置送达); the clerk may add to it.
    const { served, servers } = servedOn(src);
    const note = served
      .filter((d) => d.service?.refused)
      .map(
        (d) =>
          `${d.name}（${d.numberText}）受送达人拒绝签收，已由${d.service!.officers.join('、') || servers}留置送达，见证人：${d.service!.witness}`,
      )
      .join('；');
    return { party: src.case?.party ?? 'unit', note, date: src.today, ...serviceReceipt.fromRecord!(src, {}) } as never;
  },

  /** The documents served on the addressee, each as its service was recorded. */
  fromRecord(src) {
    const { enterprise, case: c } = src;
    const { party, served, servers } = servedOn(src);
    return {
      party,
      // A case's receipt names the case; an inspection's has none to name.
      caseName: caseNameOf(c?.detail),
      recipient: (c ? caseParty(c.detail, party)?.name : enterprise?.name) ?? '',
      rows: served.map((d) => ({
        document: `${d.name}（${d.numberText}）`,
        place: d.service?.place || enterprise?.address || '',
        servedOn: d.service?.servedOn ?? '',
        method: d.service
          ? (SERVICE_METHODS[d.service.method as keyof typeof SERVICE_METHODS] ?? d.service.method)
          : '',
        server: d.service?.officers.join('、') || servers,
      })),
    };
  },

  issueChecks(f) {
    return f.rows.length ? [] : [{ path: ['rows'], key: 'documents.rules.itemsRequired' }];
  },

  body(f, { fonts, unit, blank }) {
    const head = (t: string) => ({ text: t, font: fonts.roles.heading, alignment: 'center' as const });
    const rows = (
      f.rows.length
        ? f.rows
        : Array.from({ length: 4 }, () => ({ document: '', place: '', servedOn: '', method: '', server: '' }))
    ).map((r) =>
      // A 文号 and a date never broken inside a cell.
      [r.document, '', r.place, r.servedOn ? chineseDate(r.servedOn) : '', r.method, r.server].map((cell) => ({
        text: unbroken(cell),
      })),
    );
    return [
      // An inspection's receipt has no case to name; a blank form leaves the line to fill in.
      ...(f.caseName || blank ? [labelled(fonts, '案件名称', f.caseName)] : []),
      labelled(fonts, '受送达单位（个人）', f.recipient),
      {
        table: {
          headerRows: 1,
          widths: ['*', 62, 66, 82, 44, 50],
          // Tall rows leave room for a signature or seal (plain numbers: the layout crosses to the render worker).
          heights: [20, ...rows.map(() => 46)],
          body: [
            [
              head('送达文书名称、文号'),
              head('收件人签名或盖章'),
              head('送达地点'),
              head('送达日期'),
              head('送达方式'),
              head('送达人'),
            ],
            ...rows,
          ],
        },
        fontSize: 11,
        margin: [0, 8, 0, 8],
      } as unknown as Content,
      labelled(fonts, '备注', f.note),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
