import { z } from 'zod';
import { packageManifest } from '../export-package.ts';
import { RECORD_SCHEMAS } from './records.ts';

/**
 * The JSON Schemas shipped beside the package format (resources/schemas), generated from the zod schemas the core
 * checks with: the input side, as a record is written (a 统一社会信用代码 before it is normalised is still a string). A
 * test fails when the shipped files differ from these; `npm run schemas` writes them again.
 */
const TITLES: Record<keyof typeof RECORD_SCHEMAS | 'manifest', string> = {
  manifest: '上报包清单 / package manifest',
  enterprises: '企业 / enterprise',
  officers: '执法人员 / officer',
  inspections: '现场检查 / inspection',
  hazards: '隐患 / hazard',
  cases: '案件 / case',
  caseEvents: '办案记录 / case event',
  documents: '执法文书 / document',
  services: '送达 / service',
  reviews: '案卷评查 / case-file review',
  typicalCases: '典型执法案例 / typical enforcement case',
  absences: '执法人员请假、借调、培训 / officer absence',
  accidents: '生产安全事故 / accident',
  plans: '年度执法计划 / annual enforcement plan',
  draws: '双随机抽查 / random inspection draw',
};

export function packageJsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const entries: [keyof typeof TITLES, z.ZodType][] = [
    ['manifest', packageManifest],
    ...(Object.entries(RECORD_SCHEMAS) as [keyof typeof RECORD_SCHEMAS, z.ZodType][]),
  ];
  for (const [name, schema] of entries) {
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
    out[`${name}.schema.json`] = { $id: `${name}.schema.json`, title: TITLES[name], ...json };
  }
  return out;
}
