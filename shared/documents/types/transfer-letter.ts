import { z } from 'zod';
import type { Content } from 'pdfmake/interfaces.js';
import { approval } from '../../domain/case-procedure.ts';
import { chineseDate } from '../../domain/dates.ts';
import { labelled, paragraph, ruledLines, sealAndDate } from '../layout.ts';
import type { DocumentTemplate } from '../template.ts';
import { citationIssues } from '../../domain/citations.ts';
import { isoDate, optionalText, required } from '../../entities/common.ts';

/**
 * 案件移送书: the case handed to the organ that must deal with it — for a suspected crime the public
 * security organ at the same level, within 24 hours of the 负责人's approval, with the materials
 * listed by item and page (行政处罚法 第二十七条; 国务院令第310号 第五条、第六条).
 */

const material = z.object({
  name: required(z.string().max(200)),
  items: z.number().int().min(0).max(999),
  pages: z.number().int().min(0).max(9999),
});

/** What 国务院令第310号 第六条 says goes with a criminal transfer (the letter itself is the first). */
const CRIMINAL_MATERIALS = [
  '涉嫌犯罪案件情况的调查报告',
  '涉案物品清单',
  '有关检验报告或者鉴定意见',
  '其他有关涉嫌犯罪的材料（现场照片、询问笔录、责令整改指令书等）',
];

/** A suspected crime is handed over under these (行政处罚法 第二十七条第一款 and the two rules on transfers). */
const CRIMINAL_BASIS =
  '《中华人民共和国行政处罚法》第二十七条第一款、《行政执法机关移送涉嫌犯罪案件的规定》第三条、《安全生产行政执法与刑事司法衔接工作办法》（应急〔2019〕54号）';

const transferFields = z.object({
  receivingOrgan: required(z.string().max(100)),
  partyName: required(z.string().max(100)),
  cause: required(z.string().max(200)),
  filedOn: isoDate.nullable().default(null),
  facts: required(z.string().max(4000)),
  provisions: required(z.string().max(10_000)),
  /** 涉嫌罪名 (危险作业罪, 重大责任事故罪…); empty for a transfer to another administrative organ. */
  crime: optionalText(100),
  /** Who is suspected: 危险作业罪 and most others are committed by natural persons, not by the unit. */
  suspects: optionalText(200),
  basis: required(z.string().max(300)),
  materials: z.array(material).max(40).default([]),
  contactPerson: optionalText(50),
  contactPhone: optionalText(30),
  date: isoDate,
});

export const transferLetter: DocumentTemplate<typeof transferFields> = {
  type: 'transfer-letter',
  fields: transferFields,
  form: [
    [
      { field: 'receivingOrgan', input: 'text', span: 12 },
      { field: 'partyName', input: 'text', span: 12, record: true },
    ],
    [
      { field: 'cause', input: 'text', span: 16 },
      { field: 'filedOn', input: 'date', span: 8 },
    ],
    { field: 'facts', input: 'textarea', rows: 4 },
    [
      { field: 'provisions', input: 'text', span: 12, record: true },
      { field: 'suspects', input: 'text', span: 6 },
      { field: 'crime', input: 'text', span: 6 },
    ],
    { field: 'basis', input: 'text' },
    {
      field: 'materials',
      input: 'rows',
      add: 'addMaterial',
      numbered: true,
      columns: [
        { field: 'name', input: 'text', placeholder: 'materialName' },
        { field: 'items', input: 'integer', placeholder: 'materialItems', width: 90 },
        { field: 'pages', input: 'integer', placeholder: 'materialPages', width: 90 },
      ],
    },
    [
      { field: 'contactPerson', input: 'text' },
      { field: 'contactPhone', input: 'text' },
      { field: 'date', input: 'date' },
    ],
  ],

  prefill({ today, unit, case: c }) {
    const d = c?.detail;
    const criminal = !!d?.suspectedCrime;
    return {
      receivingOrgan: criminal ? `${unit.reviewAgency.replace(/人民政府$/, '')}公安局` : '',
      partyName: d?.unit.name ?? '',
      cause: d?.cause ?? '',
      filedOn: d?.filedOn ?? null,
      facts: d
        ? [d.facts, ...d.violations.map((v) => v.facts)]
            .map((x) => x.replace(/[。；;.]+$/, ''))
            .filter(Boolean)
            .join('；')
        : '',
      provisions: d ? [...new Set(d.violations.map((v) => v.violatedProvision))].join('，') : '',
      crime: '',
      suspects: d ? d.persons.map((p) => `${p.name}（${p.post}）`).join('、') : '',
      basis: criminal ? CRIMINAL_BASIS : '',
      materials: criminal ? CRIMINAL_MATERIALS.map((name) => ({ name, items: 1, pages: 0 })) : [],
      contactPerson: d?.handlerNames[0] ?? '',
      contactPhone: unit.phone,
      date: today,
    };
  },

  /** The party and the provisions the 呈批 found violated, as the case holds them. */
  fromRecord({ case: c }) {
    const d = c?.detail;
    if (!d) return {};
    return {
      partyName: d.unit.name,
      provisions: [...new Set(d.violations.map((v) => v.violatedProvision))].join('，'),
    };
  },

  issueChecks(f, src) {
    if (!src.case) return [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
    const { detail } = src.case;
    const issues = [];
    // A suspected crime is handed over on the grounds the law gives, cited in full.
    if (detail.suspectedCrime && f.basis !== CRIMINAL_BASIS)
      issues.push({ path: ['basis'], key: 'documents.rules.recordMismatch', params: { value: CRIMINAL_BASIS } });
    if (!detail.suspectedCrime)
      issues.push(
        ...f.basis
          .split('、')
          .filter((b) => b.includes('第'))
          .flatMap((b) => citationIssues(b, ['basis'])),
      );
    if (detail.outcome !== 'transfer') issues.push({ path: ['case'], key: 'cases.rules.outcomeNotTransfer' });
    const approved = approval(detail.events, 'disposal').date;
    if (!approved) issues.push({ path: ['case'], key: 'cases.rules.disposalNotApproved' });
    else if (f.date < approved)
      issues.push({ path: ['date'], key: 'cases.rules.beforeApproval', params: { approved } });
    if (!f.materials.length) issues.push({ path: ['materials'], key: 'cases.rules.materialsRequired' });
    // Each item counted as handed over: the receiving organ signs for copies and pages.
    f.materials.forEach((m, i) => {
      if (!m.items || !m.pages) issues.push({ path: ['materials', i, 'pages'], key: 'cases.rules.materialCount' });
    });
    if (detail.suspectedCrime) {
      if (!f.crime) issues.push({ path: ['crime'], key: 'cases.rules.crimeRequired' });
      if (!f.suspects) issues.push({ path: ['suspects'], key: 'cases.rules.suspectsRequired' });
      if (!f.materials.some((m) => m.name.includes('调查报告')))
        issues.push({ path: ['materials'], key: 'cases.rules.investigationReportRequired' });
    }
    if (f.partyName !== detail.unit.name)
      issues.push({
        path: ['partyName'],
        key: 'documents.rules.partyNameMismatch',
        params: { name: detail.unit.name },
      });
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const head = (t: string) => ({ text: t, font: fonts.roles.heading, alignment: 'center' as const });
    const rows = (
      f.materials.length ? f.materials : Array.from({ length: 4 }, () => ({ name: '', items: 0, pages: 0 }))
    ).map((m, i) => [String(i + 1), m.name, m.items ? String(m.items) : '', m.pages ? String(m.pages) : '']);
    const why = f.crime ? `${f.suspects || '有关责任人员'}涉嫌构成${f.crime}` : '依法应当由你单位处理';
    return [
      { text: `${f.receivingOrgan || '　　　　　　'}：`, margin: [0, 4, 0, 4] } as Content,
      ...(blank
        ? [paragraph('　　　　　　　　一案，本机关于　　年　　月　　日立案调查。经查：'), ruledLines(4)]
        : [
            paragraph(
              `${f.partyName}${f.cause.replace(/案$/, '')}一案，本机关于${f.filedOn ? chineseDate(f.filedOn) : '　　年　　月　　日'}立案调查。经查，${f.facts.replace(/[。.]$/, '')}。`,
            ),
          ]),
      paragraph(
        `上述行为涉嫌违反${f.provisions || '　　　　　　'}的规定，${blank ? '　　　　　　' : why}。根据${f.basis || '　　　　　　'}的规定，现将该案移送你单位${f.crime ? '依法处理' : '处理'}，请予接收，并将处理结果书面告知本机关。`,
      ),
      paragraph('附件：案件材料清单', { indent: false }),
      {
        table: {
          headerRows: 1,
          widths: [30, '*', 50, 50],
          body: [[head('序号'), head('材料名称'), head('份数'), head('页数')], ...rows],
        },
        fontSize: 11,
        margin: [0, 4, 0, 8],
      } as unknown as Content,
      labelled(fonts, ['联系人', f.contactPerson], ['联系电话', f.contactPhone]),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
