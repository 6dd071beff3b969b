import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_init.ts';
import * as m0002 from './0002_ledger.ts';
import * as m0003 from './0003_inspections_documents.ts';
import * as m0004 from './0004_hazards.ts';
import * as m0005 from './0005_cases.ts';
import * as m0006 from './0006_reviews.ts';
import * as m0007 from './0007_document_pages.ts';
import * as m0008 from './0008_document_dates.ts';
import * as m0009 from './0009_exports.ts';
import * as m0010 from './0010_typical_cases.ts';
import * as m0011 from './0011_plan_inputs.ts';
import * as m0012 from './0012_plans.ts';
import * as m0013 from './0013_draws.ts';
import * as m0014 from './0014_inspection_plan.ts';
import * as m0015 from './0015_reports.ts';

/** Statically imported so a bundled or packed main process finds every migration. Names sort by zero-padded number. */
export const migrations: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_ledger': m0002,
  '0003_inspections_documents': m0003,
  '0004_hazards': m0004,
  '0005_cases': m0005,
  '0006_reviews': m0006,
  '0007_document_pages': m0007,
  '0008_document_dates': m0008,
  '0009_exports': m0009,
  '0010_typical_cases': m0010,
  '0011_plan_inputs': m0011,
  '0012_plans': m0012,
  '0013_draws': m0013,
  '0014_inspection_plan': m0014,
  '0015_reports': m0015,
};
