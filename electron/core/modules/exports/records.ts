import type { Kysely } from 'kysely';
import type { RecordEntity, RecordOf } from '../../../../shared/entities/exports/records.ts';
import type { EvidenceFile } from '../../../../shared/entities/inspection.ts';
import type { DB } from '../../db/schema.ts';
import { toSavedReview } from '../review/saved.ts';
import { toAbsence } from '../officers/repository.ts';
import { toAccident } from '../enterprises/accidents.ts';
import { toDrawRecord } from '../plans/draws.ts';

/**
 * The records of a package, read from the database as stored (JSON columns decoded), each entity sorted by id: what
 * the data files hold. Nothing is derived or typed again here; what the app shows is computed from the same rows.
 */
export interface PackageData {
  records: { [E in RecordEntity]: RecordOf<E>[] };
  /** Stored files the records name (evidence, scans, photos): hash → a name it was given. */
  evidence: Map<string, string>;
  /** Issued (and voided) documents' PDFs: the package path each is written under, and its stored hash. */
  pdfs: { path: string; hash: string }[];
}

const json = <T>(text: string): T => JSON.parse(text) as T;

export async function readPackageData(db: Kysely<DB>): Promise<PackageData> {
  const evidence = new Map<string, string>();
  const note = <F extends { hash: string; name: string }>(files: F[]) => {
    for (const f of files) if (!evidence.has(f.hash)) evidence.set(f.hash, f.name);
    return files;
  };
  const scan = (hash: string | null, name: string | null) => (hash ? note([{ hash, name: name ?? hash }])[0] : null);

  const [
    enterprises,
    officers,
    inspections,
    hazards,
    extensions,
    cases,
    events,
    documents,
    services,
    reviews,
    typical,
    absences,
    accidents,
    plans,
    draws,
  ] = await Promise.all([
    db.selectFrom('enterprises').selectAll().orderBy('id').execute(),
    db.selectFrom('officers').selectAll().orderBy('id').execute(),
    db.selectFrom('inspections').selectAll().orderBy('id').execute(),
    db.selectFrom('hazards').selectAll().orderBy('id').execute(),
    db.selectFrom('hazardExtensions').selectAll().orderBy('id').execute(),
    db.selectFrom('cases').selectAll().orderBy('id').execute(),
    db.selectFrom('caseEvents').selectAll().orderBy('id').execute(),
    db.selectFrom('documents').selectAll().orderBy('id').execute(),
    db.selectFrom('documentServices').selectAll().orderBy('id').execute(),
    db.selectFrom('caseReviews').selectAll().orderBy('id').execute(),
    db.selectFrom('typicalCases').selectAll().orderBy('id').execute(),
    db.selectFrom('officerAbsences').selectAll().orderBy('id').execute(),
    db.selectFrom('enterpriseAccidents').selectAll().orderBy('id').execute(),
    db.selectFrom('plans').selectAll().orderBy('id').execute(),
    db.selectFrom('draws').selectAll().orderBy('id').execute(),
  ]);

  const pdfs: PackageData['pdfs'] = [];
  const taken = new Set<string>();
  const pdfPath = (d: { numberText: string | null; type: string; id: number }) => {
    // By its number where it has one (a 笔录 or 证据清单 has none): the name a reader looks for.
    let name = `documents/${(d.numberText ?? `${d.type}-${d.id}`).replace(/[\\/:*?"<>|]/g, '_')}.pdf`;
    if (taken.has(name)) name = name.replace(/\.pdf$/, `-${d.id}.pdf`);
    taken.add(name);
    return name;
  };

  return {
    evidence,
    pdfs,
    records: {
      enterprises: enterprises.map((r) => ({
        id: r.id,
        uscc: r.uscc,
        name: r.name,
        legalRepresentative: r.legalRepresentative,
        principal: r.principal,
        address: r.address,
        township: r.township,
        industryCode: r.industryCode,
        categories: json(r.categoriesJson),
        enforcementLevel: r.enforcementLevel as never,
        standardizationGrade: r.standardizationGrade as never,
        riskGrade: r.riskGrade as never,
        creditStatus: r.creditStatus as never,
        accidentHistory: r.accidentHistory,
        contacts: json(r.contactsJson),
        notes: r.notes,
        status: r.status as never,
        withdrawnAt: r.withdrawnAt,
        withdrawnBy: r.withdrawnBy,
        withdrawReason: r.withdrawReason,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      })),
      officers: officers.map((r) => ({
        id: r.id,
        name: r.name,
        certificateNo: r.certificateNo,
        certValidFrom: r.certValidFrom,
        certValidTo: r.certValidTo,
        post: r.post as never,
        onDuty: r.onDuty === 1,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      })),
      inspections: inspections.map((r) => ({
        id: r.id,
        enterpriseId: r.enterpriseId,
        kind: r.kind as never,
        startedAt: r.startedAt,
        endedAt: r.endedAt,
        place: r.place,
        officerIds: json(r.officerIdsJson),
        experts: json(r.expertsJson),
        present: json(r.presentJson),
        findings: r.findings,
        refusedToSign: r.refusedToSign === 1,
        refusalNote: r.refusalNote,
        recheckOf: r.recheckOf,
        checklistId: r.checklistId,
        drawId: r.drawId,
        unplannedReason: r.unplannedReason,
        evidence: note(json<EvidenceFile[]>(r.evidenceJson)),
        status: r.status as never,
        withdrawnAt: r.withdrawnAt,
        withdrawnBy: r.withdrawnBy,
        withdrawReason: r.withdrawReason,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      })),
      hazards: hazards.map((r) => ({
        id: r.id,
        enterpriseId: r.enterpriseId,
        inspectionId: r.inspectionId,
        description: r.description,
        location: r.location,
        level: r.level as never,
        criteriaItemId: r.criteriaItemId,
        legalBasis: r.legalBasis,
        deadline: r.deadline,
        photos: note(json<{ hash: string; name: string }[]>(r.photosJson)),
        status: r.status as never,
        recheckInspectionId: r.recheckInspectionId,
        recheckedAt: r.recheckedAt,
        recheckNote: r.recheckNote,
        extensions: extensions
          .filter((x) => x.hazardId === r.id)
          .map((x) => ({
            requestedOn: x.requestedOn,
            requestedUntil: x.requestedUntil,
            reason: x.reason,
            decision: x.decision as never,
            previousDeadline: x.previousDeadline,
            decidedAt: x.decidedAt,
            decidedBy: x.decidedBy,
          })),
        withdrawnAt: r.withdrawnAt,
        withdrawnBy: r.withdrawnBy,
        withdrawReason: r.withdrawReason,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      })),
      cases: cases.map((r) => ({
        id: r.id,
        caseNo: r.caseNo,
        enterpriseId: r.enterpriseId,
        source: r.source as never,
        escalationId: r.escalationId,
        inspectionId: r.inspectionId,
        sourceNote: r.sourceNote,
        cause: r.cause,
        facts: r.facts,
        violationDate: r.violationDate,
        handlerIds: json(r.handlerIdsJson),
        procedure: r.procedure as never,
        complex: r.complex === 1,
        suspectedCrime: r.suspectedCrime === 1,
        unit: json(r.unitJson),
        outcome: r.outcome as never,
        persons: json(r.personsJson),
        violations: json(r.violationsJson),
        createdBy: r.createdBy,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      })),
      caseEvents: events.map((r) => ({
        id: r.id,
        caseId: r.caseId,
        event: json(r.dataJson),
        scan: scan(r.scanSha256, r.scanName),
        enteredAt: r.enteredAt,
        enteredBy: r.enteredBy,
      })),
      documents: documents.map((r) => {
        const pdf = r.pdfSha256 ? { path: pdfPath(r), sha256: r.pdfSha256, pages: r.pageCount } : null;
        if (pdf) pdfs.push({ path: pdf.path, hash: pdf.sha256 });
        return {
          id: r.id,
          type: r.type,
          status: r.status as never,
          enterpriseId: r.enterpriseId,
          inspectionId: r.inspectionId,
          caseId: r.caseId,
          numberText: r.numberText,
          documentDate: r.documentDate,
          fields: json(r.fieldsJson),
          pdf,
          scan: scan(r.scanSha256, r.scanName),
          issuedAt: r.issuedAt,
          issuedBy: r.issuedBy,
          supersedesId: r.supersedesId,
          correctionReason: r.correctionReason,
          voidReason: r.voidReason,
          createdBy: r.createdBy,
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
        };
      }),
      services: services.map((r) => ({
        id: r.id,
        documentId: r.documentId,
        method: r.method as never,
        servedAt: r.servedAt,
        place: r.place,
        recipient: r.recipient,
        refused: r.refused === 1,
        witness: r.witness,
        officerIds: json(r.officerIdsJson),
        note: r.note,
        createdAt: r.createdAt,
        createdBy: r.createdBy,
      })),
      reviews: reviews.map(toSavedReview),
      typicalCases: typical.map((r) => {
        const caseNo = cases.find((c) => c.id === r.caseId)?.caseNo ?? String(r.caseId);
        // Named as the case it writes up: 典型案例-宣应急罚〔2026〕3号.pdf
        const pdf = r.pdfSha256
          ? {
              path: pdfPath({ numberText: `典型案例-${caseNo}`, type: 'typical-case', id: r.id }),
              sha256: r.pdfSha256,
              pages: r.pageCount,
            }
          : null;
        if (pdf) pdfs.push({ path: pdf.path, hash: pdf.sha256 });
        return {
          id: r.id,
          caseId: r.caseId,
          templateVersion: r.templateVersion,
          fields: json<Record<string, string>>(r.fieldsJson),
          status: r.status as never,
          pdf,
          finalAt: r.finalAt,
          finalBy: r.finalBy,
          sentOn: r.sentOn,
          sentBy: r.sentBy,
          sentNote: r.sentNote,
          createdBy: r.createdBy,
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
        };
      }),
      absences: absences.map(toAbsence),
      accidents: accidents.map(toAccident),
      plans: plans.map((p) => ({
        id: p.id,
        year: p.year,
        status: p.status as never,
        inputs: json(p.inputsJson),
        snapshot: p.snapshotJson === null ? null : json(p.snapshotJson),
        snapshotSha256: p.snapshotSha256,
        approvedOn: p.approvedOn,
        approvalRef: p.approvalRef,
        approvedBy: p.approvedBy,
        filedOn: p.filedOn,
        filingRef: p.filingRef,
        filedBy: p.filedBy,
        createdBy: p.createdBy,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
      })),
      draws: draws.map((d) => {
        const { format: _format, ...record } = toDrawRecord(d);
        return record as never;
      }),
    },
  };
}

/**
 * Where each table of the database goes in a package, or why it stays home. Typed over every table: a new table
 * does not compile until it is placed here, and a test checks this against the tables the database really has.
 */
export const TABLE_COVERAGE: Record<keyof DB | 'kyselyMigration' | 'kyselyMigrationLock', RecordEntity | string> = {
  enterprises: 'enterprises',
  officers: 'officers',
  inspections: 'inspections',
  hazards: 'hazards',
  hazardExtensions: 'hazards',
  cases: 'cases',
  caseEvents: 'caseEvents',
  documents: 'documents',
  documentServices: 'services',
  caseReviews: 'reviews',
  settings: 'not sent: the unit’s own preferences',
  users: 'not sent: accounts and password hashes of this PC',
  unitProfile: 'in the manifest: the agency and its region code',
  auditLog: 'in the manifest: the chain head; the log itself stays to prove the record',
  holidayYears: 'not sent: the national calendar, the same everywhere',
  documentNumbers: 'in documents: each issued document’s number; the register itself is this unit’s',
  documentNumberFloors: 'not sent: where this unit’s paper numbering started',
  escalations: 'not sent: the workbench’s suggestions; a case opened from one names it',
  customChecklists: 'not sent: this unit’s own checklists (knowledge)',
  discretionBenchmarks: 'not sent: this unit’s discretion benchmark (knowledge)',
  exports: 'not sent: this unit’s register of packages made and accepted',
  exportRecords: 'not sent: what each package made held, to make the next increment',
  typicalCases: 'typicalCases',
  officerAbsences: 'absences',
  enterpriseAccidents: 'accidents',
  plans: 'plans',
  draws: 'draws',
  reportBases: 'not sent: figures of years before the desk, entered only for this unit’s 同比',
  reports: 'not sent: this unit’s own 统计报表 as issued (each counted from the records the package holds)',
  kyselyMigration: 'not sent: the schema’s history',
  kyselyMigrationLock: 'not sent: the schema’s history',
};
