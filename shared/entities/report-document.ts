import { z } from 'zod';

const template = z.string().min(1).max(2000);

/** The quarterly report's wording (resources/knowledge/report-document.json): templates the figures are filled into. */
export const reportDocument = z
  .object({
    version: z.string().min(1).max(40),
    source: z.string().max(2000),
    note: z.string().max(2000),
    title: template,
    sections: z.object({
      overall: template,
      plan: template,
      other: template,
      figures: template,
      sectors: template,
      townships: template,
      notes: template,
    }),
    overall: template,
    yoyUp: template,
    yoyDown: template,
    yoyFlat: template,
    plan: template,
    noPlan: template,
    other: template,
    missed: template,
    allMet: template,
    entered: template,
    notes: template,
    hash: template,
    dashNote: template,
    total: template,
    none: template,
    notAvailable: template,
    status: z.object({ met: template, missed: template, pending: template, none: template }),
    targets: z.object({
      min: template,
      annual: template,
      annualBy: template,
      yoyUp: template,
      yoyNotDown: template,
      yoy: template,
    }),
    enteredMark: template,
    tables: z.record(z.string(), template),
    /** Each figure's name as the printed tables write it. */
    names: z.record(z.string().regex(/^[a-z][a-z-]{0,39}$/), z.string().min(1).max(60)),
  })
  .strict();
export type ReportDocument = z.output<typeof reportDocument>;
