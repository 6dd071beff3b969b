import type { Content } from 'pdfmake/interfaces.js';
import { z } from 'zod';
import type { ValidationIssue } from '../base/errors.ts';
import type { UnitProfile } from '../entities/unit.ts';
import type { Enterprise } from '../entities/enterprise.ts';
import type { Inspection } from '../entities/inspection.ts';
import type { Officer } from '../entities/officer.ts';
import type { Hazard } from '../entities/hazard.ts';
import type { CaseDetail, PartyKey } from '../entities/case.ts';
import type { StatutoryPeriod } from '../entities/period.ts';
import type { Settings } from '../entities/settings.ts';
import type { ProcedureRules } from '../domain/case-procedure.ts';
import type { WorkCalendar } from '../domain/workdays.ts';
import type { DocumentForm } from './form.ts';
import type { FontSet } from './layout.ts';

/**
 * A document type is data plus code in one place: its field schema, how a draft is prefilled
 * from what the app already knows, the statutory checks before it may be issued, and the
 * template that lays the fields out. All pure: the core gathers the source, renders and stores.
 */
export interface PrefillSource {
  today: string;
  unit: UnitProfile;
  enterprise: Enterprise | null;
  inspection: Inspection | null;
  /** The whole roster: officers named on an inspection, and certificate validity for checks. */
  roster: Officer[];
  /** Hazards of the inspection (of the original inspection, for a 复查). */
  hazards: Hazard[];
  /** Documents already issued for the inspection (for the 送达回执). */
  issued: {
    type: string;
    name: string;
    numberText: string;
    /** Whom it is addressed to: a person fined beside the unit, or the unit (every document not addressed to a person). */
    party: PartyKey;
    internal: boolean;
    /** The latest service recorded for it, if any (for the 送达回执). */
    service: {
      method: string;
      servedOn: string;
      place: string;
      refused: boolean;
      witness: string;
      officers: string[];
    } | null;
  }[];
  /** The issued 责令限期整改指令书 a 复查 refers back to, if any. */
  originalOrder: { numberText: string; date: string; items: { text: string; deadline: string }[] } | null;
  /**
   * The case a document belongs to, with what its procedure rules need (periods, calendar, the unit's
   * settings), and the party a new notice or decision is addressed to.
   */
  case: {
    detail: CaseDetail;
    periods: StatutoryPeriod[];
    cal: WorkCalendar;
    rules: ProcedureRules;
    settings: Settings;
    party: PartyKey;
  } | null;
}

export interface LayoutContext {
  fonts: FontSet;
  unit: UnitProfile;
  /** A blank form for filling in by hand on site: ruled lines instead of empty values, no date. */
  blank: boolean;
  /** The number the document is issued with (null for a draft or a blank): a page attached to it cites it. */
  numberText?: string | null;
}

export interface DocumentTemplate<S extends z.ZodType = z.ZodType> {
  type: string;
  fields: S;
  /** The editing form, in print order; every field of the schema appears in it once. */
  form: DocumentForm<Extract<keyof z.output<S>, string>>;
  prefill(src: PrefillSource): z.input<S>;
  /**
   * The legal content the record decides — the party and its code, the citations, the penalties and their amounts,
   * the defence and how it was treated, the remedy bodies — laid over the draft whenever it is read, saved,
   * previewed or issued, so the document follows its source and the clerk changes it there (the 呈批, the
   * hearing, the unit settings). The form shows these fields, and row columns, with `record: true`, read-only.
   */
  fromRecord?(src: PrefillSource, fields: Partial<z.output<S>>): Partial<z.input<S>>;
  /** Problems that block issuing (saving a draft is always allowed); keys name the rule. */
  issueChecks(fields: z.output<S>, src: PrefillSource): ValidationIssue[];
  /**
   * A form printed with its number (当场处罚决定书, 行政处罚法 第五十二条): the officer enters the number
   * of the sheet used; the app checks it is not used twice instead of assigning one.
   */
  preNumbered?(fields: z.output<S>): string;
  /** A 笔录 is signed on every page by the person it records: who (被询问人, 当事人…). */
  pageSignature?: string;
  /** The date the document bears (seal line, and the year of its number); its `date` field unless said otherwise. */
  documentDate?(fields: z.output<S>): string;
  body(fields: z.output<S>, ctx: LayoutContext): Content[];
}

/** An officer as named on a document: the roster id (if from the roster), the name and 执法证号. */
export const officerRef = z.object({
  officerId: z.number().int().nullable(),
  name: z.string().trim().min(1, { error: 'validation.required' }),
  certificateNo: z.string().trim().min(1, { error: 'validation.required' }),
});
type OfficerRef = z.output<typeof officerRef>;

/** The day of the inspection a document comes from (today for one made without an inspection). */
export function inspectionDay(inspection: Inspection | null, today: string): string {
  return inspection?.startedAt.slice(0, 10) ?? today;
}

/** Officers (an inspection's, a case's handlers) as a document names them, from the roster. */
export function officersOf(ids: readonly number[] | undefined, roster: Officer[]): OfficerRef[] {
  return (ids ?? [])
    .map((id) => roster.find((o) => o.id === id))
    .filter((o) => !!o)
    .map((o) => ({ officerId: o.id, name: o.name, certificateNo: o.certificateNo }));
}

/** 行政处罚法 第四十二条: at least two officers, each holding a certificate valid on the day. */
export function officerChecks(
  officers: OfficerRef[],
  roster: Officer[],
  onDate: string,
  path: string[] = ['officers'],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  // A roster pick is found by its id; a name typed in by hand, by its certificate number.
  const found = officers.map((o) =>
    o.officerId !== null
      ? roster.find((x) => x.id === o.officerId)
      : roster.find((x) => x.certificateNo === o.certificateNo),
  );
  // The same officer named twice is still one officer, however the two lines were filled in.
  const distinct = new Set(officers.map((o, i) => found[i]?.certificateNo ?? o.certificateNo));
  if (distinct.size < 2) issues.push({ path, key: 'documents.rules.twoOfficers' });
  if (distinct.size < officers.length) issues.push({ path, key: 'documents.rules.duplicateOfficer' });
  officers.forEach((o, i) => {
    const r = found[i];
    if (!r) issues.push({ path: [...path, i], key: 'documents.rules.officerNotInRoster', params: { name: o.name } });
    else if (r.certificateNo !== o.certificateNo)
      issues.push({
        path: [...path, i],
        key: 'documents.rules.certificateMismatch',
        params: { name: o.name, roster: r.certificateNo },
      });
    else if (onDate < r.certValidFrom || onDate > r.certValidTo) {
      issues.push({
        path: [...path, i],
        key: 'documents.rules.certificateInvalid',
        params: { name: o.name, date: onDate, from: r.certValidFrom, to: r.certValidTo },
      });
    }
  });
  return issues;
}
