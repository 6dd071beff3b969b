import type { Kysely } from 'kysely';
import type { RecordEntity, RecordOf } from '../../../../shared/entities/exports/records.ts';
import type { DB } from '../../db/schema.ts';
import { unzipEntries } from '../backups/zip.ts';
import { DATA_FILES } from '../../../../shared/domain/package-checks.ts';
import { packageManifest, type PackageManifest } from '../../../../shared/entities/export-package.ts';

/**
 * The receiving side of a package: its records written back into an empty database of this app, as the city reads a
 * county's package (and as a test proves that a case read back reviews as it did at home). The inverse of
 * records.ts; what stays home is left empty: an officer's ID card and phone, the escalation a case was opened from,
 * the register of document numbers (each document keeps its number), the standard a review was signed under (its
 * result names it), and the drafts a 典型案例 still in draft was written against (read back, its drafted fields count
 * as the clerk's own; a final or sent one is frozen and needs none).
 */
export type PackageRecords = { [E in RecordEntity]: RecordOf<E>[] };

const json = (v: unknown) => JSON.stringify(v);
const flag = (b: boolean | undefined) => (b ? 1 : 0);

/** A verified package's manifest, records and files (the PDFs and evidence by their package path). */
export async function readPackage(
  zip: Buffer,
): Promise<{ manifest: PackageManifest; records: PackageRecords; files: Map<string, Buffer> }> {
  const entries = await unzipEntries(zip);
  const manifest = packageManifest.parse(JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? 'null'));
  const records = {} as Record<RecordEntity, unknown[]>;
  for (const [entity, at] of Object.entries(DATA_FILES) as [RecordEntity, string][])
    records[entity] = (entries.get(at)?.toString('utf8') ?? '')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as unknown);
  const files = new Map([...entries].filter(([at]) => at.startsWith('documents/') || at.startsWith('evidence/')));
  return { manifest, records: records as PackageRecords, files };
}

/** Writes a package's records into an empty database, keeping every id (references stay as they were). */
export async function writePackageRecords(db: Kysely<DB>, r: PackageRecords): Promise<void> {
  for (const e of r.enterprises)
    await db
      .insertInto('enterprises')
      .values({
        id: e.id,
        uscc: e.uscc,
        name: e.name,
        legalRepresentative: e.legalRepresentative ?? '',
        principal: e.principal ?? '',
        address: e.address ?? '',
        township: e.township ?? '',
        industryCode: e.industryCode ?? '',
        categoriesJson: json(e.categories ?? []),
        enforcementLevel: e.enforcementLevel ?? '',
        standardizationGrade: e.standardizationGrade ?? '',
        riskGrade: e.riskGrade ?? null,
        creditStatus: e.creditStatus ?? '',
        accidentHistory: e.accidentHistory ?? '',
        contactsJson: json(e.contacts ?? []),
        notes: e.notes ?? '',
        status: e.status,
        withdrawnAt: e.withdrawnAt,
        withdrawnBy: e.withdrawnBy,
        withdrawReason: e.withdrawReason,
        createdAt: e.createdAt,
        updatedAt: e.updatedAt,
        version: 1,
      })
      .execute();
  for (const o of r.officers)
    await db
      .insertInto('officers')
      .values({
        id: o.id,
        name: o.name,
        certificateNo: o.certificateNo,
        certValidFrom: o.certValidFrom,
        certValidTo: o.certValidTo,
        post: o.post ?? '',
        onDuty: flag(o.onDuty),
        idCard: '',
        phone: '',
        notes: '',
        createdAt: o.createdAt,
        updatedAt: o.updatedAt,
      })
      .execute();
  // Before the inspections, which name their draws. The snapshot written again as it was stored: its SHA-256 still matches.
  for (const p of r.plans)
    await db
      .insertInto('plans')
      .values({
        id: p.id,
        year: p.year,
        status: p.status,
        inputsJson: json(p.inputs),
        snapshotJson: p.snapshot === null ? null : json(p.snapshot),
        snapshotSha256: p.snapshotSha256,
        approvedOn: p.approvedOn,
        approvalRef: p.approvalRef,
        approvedBy: p.approvedBy,
        filedOn: p.filedOn,
        filingRef: p.filingRef,
        filedBy: p.filedBy,
        createdAt: p.createdAt,
        createdBy: p.createdBy,
        updatedAt: p.updatedAt,
      })
      .execute();
  for (const d of r.draws)
    await db
      .insertInto('draws')
      .values({
        id: d.id,
        planYear: d.planYear,
        label: d.label,
        inputJson: json(d.input),
        poolSha256: (d.result as { poolSha256: string }).poolSha256,
        witnessValue: d.witnessValue,
        witnessName: d.witnessName,
        operator: d.operator,
        drawnAt: d.drawnAt,
        resultJson: json(d.result),
        resultSha256: d.resultSha256,
      })
      .execute();
  for (const i of r.inspections)
    await db
      .insertInto('inspections')
      .values({
        id: i.id,
        enterpriseId: i.enterpriseId,
        kind: i.kind ?? '',
        startedAt: i.startedAt,
        endedAt: i.endedAt ?? null,
        place: i.place ?? '',
        officerIdsJson: json(i.officerIds ?? []),
        expertsJson: json(i.experts ?? []),
        presentJson: json(i.present ?? []),
        checklistId: i.checklistId ?? null,
        findings: i.findings ?? '',
        refusedToSign: flag(i.refusedToSign),
        refusalNote: i.refusalNote ?? '',
        status: i.status,
        withdrawnAt: i.withdrawnAt,
        withdrawnBy: i.withdrawnBy,
        withdrawReason: i.withdrawReason,
        createdAt: i.createdAt,
        updatedAt: i.updatedAt,
        version: 1,
        recheckOf: i.recheckOf ?? null,
        evidenceJson: json(i.evidence),
        drawId: i.drawId ?? null,
        unplannedReason: i.unplannedReason ?? '',
      })
      .execute();
  for (const h of r.hazards) {
    await db
      .insertInto('hazards')
      .values({
        id: h.id,
        inspectionId: h.inspectionId,
        enterpriseId: h.enterpriseId,
        description: h.description,
        location: h.location ?? '',
        level: h.level ?? 'general',
        criteriaItemId: h.criteriaItemId ?? null,
        legalBasis: h.legalBasis ?? '',
        photosJson: json(h.photos),
        deadline: h.deadline ?? null,
        status: h.status,
        recheckInspectionId: h.recheckInspectionId,
        recheckedAt: h.recheckedAt,
        recheckNote: h.recheckNote,
        withdrawnAt: h.withdrawnAt,
        withdrawnBy: h.withdrawnBy,
        withdrawReason: h.withdrawReason,
        createdAt: h.createdAt,
        updatedAt: h.updatedAt,
        version: 1,
      })
      .execute();
    for (const x of h.extensions)
      await db
        .insertInto('hazardExtensions')
        .values({
          hazardId: h.id,
          requestedOn: x.requestedOn,
          requestedUntil: x.requestedUntil,
          reason: x.reason,
          decision: x.decision,
          previousDeadline: x.previousDeadline,
          decidedAt: x.decidedAt,
          decidedBy: x.decidedBy,
        })
        .execute();
  }
  for (const c of r.cases)
    await db
      .insertInto('cases')
      .values({
        id: c.id,
        caseNo: c.caseNo,
        enterpriseId: c.enterpriseId,
        source: c.source,
        // The escalation stays home (the workbench's suggestion); the case's own note says where it came from.
        escalationId: null,
        inspectionId: c.inspectionId ?? null,
        sourceNote: c.sourceNote ?? '',
        cause: c.cause,
        facts: c.facts ?? '',
        violationDate: c.violationDate ?? '',
        handlerIdsJson: json(c.handlerIds),
        procedure: c.procedure ?? 'ordinary',
        complex: flag(c.complex),
        suspectedCrime: flag(c.suspectedCrime),
        unitJson: json(c.unit),
        outcome: c.outcome,
        personsJson: json(c.persons),
        violationsJson: json(c.violations),
        createdAt: c.createdAt,
        createdBy: c.createdBy,
        updatedAt: c.updatedAt,
        version: 1,
      })
      .execute();
  for (const e of r.caseEvents)
    await db
      .insertInto('caseEvents')
      .values({
        id: e.id,
        caseId: e.caseId,
        kind: (e.event as { kind: string }).kind,
        dataJson: json(e.event),
        scanSha256: e.scan?.hash ?? null,
        scanName: e.scan?.name ?? null,
        enteredAt: e.enteredAt,
        enteredBy: e.enteredBy,
      })
      .execute();
  for (const d of r.documents)
    await db
      .insertInto('documents')
      .values({
        id: d.id,
        type: d.type,
        status: d.status,
        enterpriseId: d.enterpriseId,
        inspectionId: d.inspectionId,
        caseId: d.caseId,
        fieldsJson: json(d.fields),
        numberSeries: null,
        numberYear: null,
        numberSerial: null,
        numberText: d.numberText,
        pdfSha256: d.pdf?.sha256 ?? null,
        pageCount: d.pdf?.pages ?? null,
        documentDate: d.documentDate,
        issuedAt: d.issuedAt,
        issuedBy: d.issuedBy,
        supersedesId: d.supersedesId,
        correctionReason: d.correctionReason,
        voidReason: d.voidReason,
        scanSha256: d.scan?.hash ?? null,
        scanName: d.scan?.name ?? null,
        createdAt: d.createdAt,
        createdBy: d.createdBy,
        updatedAt: d.updatedAt,
        version: 1,
      })
      .execute();
  for (const s of r.services)
    await db
      .insertInto('documentServices')
      .values({
        id: s.id,
        documentId: s.documentId,
        method: s.method,
        servedAt: s.servedAt,
        place: s.place ?? '',
        recipient: s.recipient ?? '',
        refused: flag(s.refused),
        witness: s.witness ?? '',
        officerIdsJson: json(s.officerIds ?? []),
        note: s.note ?? '',
        createdAt: s.createdAt,
        createdBy: s.createdBy,
      })
      .execute();
  for (const v of r.reviews)
    await db
      .insertInto('caseReviews')
      .values({
        id: v.id,
        caseId: v.caseId,
        standardId: v.standardId,
        standardVersion: v.standardVersion,
        score: v.score,
        max: v.max,
        percent: v.percent,
        grade: v.grade,
        vetoed: flag(v.vetoed),
        decisionsJson: json(v.decisions),
        resultJson: json(v.result),
        standardJson: json({ id: v.standardId, version: v.standardVersion }),
        reviewer: v.reviewer,
        signedAt: v.signedAt,
        auditHead: v.auditHead,
      })
      .execute();
  for (const t of r.typicalCases)
    await db
      .insertInto('typicalCases')
      .values({
        id: t.id,
        caseId: t.caseId,
        templateVersion: t.templateVersion,
        fieldsJson: json(t.fields),
        status: t.status,
        pdfSha256: t.pdf?.sha256 ?? null,
        pageCount: t.pdf?.pages ?? null,
        finalAt: t.finalAt,
        finalBy: t.finalBy,
        sentOn: t.sentOn,
        sentBy: t.sentBy,
        sentNote: t.sentNote,
        createdAt: t.createdAt,
        createdBy: t.createdBy,
        updatedAt: t.updatedAt,
      })
      .execute();
  const withdrawal = (x: {
    withdrawnAt: string | null;
    withdrawnBy: string | null;
    withdrawReason: string | null;
  }) => ({
    withdrawnAt: x.withdrawnAt,
    withdrawnBy: x.withdrawnBy,
    withdrawReason: x.withdrawReason,
  });
  for (const a of r.absences)
    await db
      .insertInto('officerAbsences')
      .values({
        id: a.id,
        officerId: a.officerId,
        kind: a.kind,
        fromDate: a.from,
        toDate: a.to,
        note: a.note,
        createdAt: a.createdAt,
        createdBy: a.createdBy,
        ...withdrawal(a),
      })
      .execute();
  // The grade is not stored: it is computed again from the figures the record holds.
  for (const a of r.accidents)
    await db
      .insertInto('enterpriseAccidents')
      .values({
        id: a.id,
        enterpriseId: a.enterpriseId,
        occurredOn: a.occurredOn,
        deaths: a.deaths,
        seriousInjuries: a.seriousInjuries,
        directLossYuan: a.directLossYuan,
        summary: a.summary,
        createdAt: a.createdAt,
        createdBy: a.createdBy,
        ...withdrawal(a),
      })
      .execute();
}
