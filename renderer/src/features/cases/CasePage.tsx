import { Anchor, App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CaseDetail } from '../../../../shared/entities/case.ts';
import type { ReviewFinding } from '../../../../shared/entities/review.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { CaseForm } from './CaseForm.tsx';
import { type EventDraft, EventDialog } from './EventDialog.tsx';
import { PublicationDialog } from './PublicationDialog.tsx';
import { ApprovalPanel } from './case-page/ApprovalPanel.tsx';
import { ApprovalsCard, type Stage } from './case-page/ApprovalsCard.tsx';
import { NextStepCard } from './case-page/NextStepCard.tsx';
import { CaseAlerts } from './case-page/CaseAlerts.tsx';
import { CaseHeader } from './case-page/CaseHeader.tsx';
import { CaseSummaryCard } from './case-page/CaseSummaryCard.tsx';
import { DeadlinesCard } from './case-page/DeadlinesCard.tsx';
import { DisposalCard } from './case-page/DisposalCard.tsx';
import { DocumentsCard } from './case-page/DocumentsCard.tsx';
import { EventsCard } from './case-page/EventsCard.tsx';
import { useCrumbs } from '../../app/crumbs.tsx';

/**
 * A case file, card by card (case-page/): it loads the case with the review's warnings, holds what the
 * cards share (the event being entered, the case being edited, the publication open) and shows the
 * case again after every change.
 */
export function CasePage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const { can } = useSession();
  const [kase, setKase] = useState<CaseDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<EventDraft | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [signing, setSigning] = useState<Stage | null>(null);
  // The review's machine checks, run again whenever the case changes: what a reviewer would deduct for, before the file is archived.
  // Shown with the case they belong to, in one render: warnings arriving later would shift the page under the clerk's pointer.
  const [warnings, setWarnings] = useState<ReviewFinding[]>([]);
  const show = useCallback(async (c: CaseDetail) => {
    const findings = await api.reviews
      .run({ id: c.id })
      .then((r) => r.result.findings)
      .catch(() => []);
    setKase(c);
    setWarnings(findings);
  }, []);
  const load = useCallback(async () => {
    try {
      await show(await api.cases.get({ id: Number(id) }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [id, message, show]);
  useEffect(() => {
    void load();
  }, [load]);
  useCrumbs(kase && [{ label: kase.caseNo || kase.enterpriseName }]);
  if (!kase) return <div className="page" />;

  const write = can('cases.write') && !kase.archived;

  return (
    <div className="page" data-testid="case-page">
      <CaseHeader kase={kase} write={write} onEdit={() => setEditing(true)} />
      <NextStepCard kase={kase} onSign={setSigning} onDraft={setDraft} onEdit={() => setEditing(true)} />
      <CaseSections />
      <CaseAlerts kase={kase} warnings={warnings} />
      <CaseSummaryCard kase={kase} />
      <DeadlinesCard kase={kase} />
      <ApprovalsCard kase={kase} onOpen={setSigning} />
      {signing && (
        <ApprovalPanel kase={kase} stage={signing} onClose={() => setSigning(null)} onSaved={(c) => void show(c)} />
      )}
      <DisposalCard kase={kase} write={write} onSaved={(c) => void show(c)} onDraft={setDraft} />
      <DocumentsCard kase={kase} write={write} onPublish={() => setPublishing(true)} />
      {publishing && <PublicationDialog caseId={kase.id} onClose={() => setPublishing(false)} />}
      <EventsCard kase={kase} write={write} onDraft={setDraft} onChanged={show} />
      <EventDialog
        kase={kase}
        draft={draft}
        onClose={() => setDraft(null)}
        onSaved={(c) => void show(c).then(() => setDraft(null))}
      />
      <CaseForm
        open={editing}
        kase={kase}
        onClose={() => setEditing(false)}
        onSaved={(c) => void show(c).then(() => setEditing(false))}
      />
    </div>
  );
}

/**
 * The case's cards by name, kept at the top of the window: a file runs long (approvals, 呈批, documents, the record),
 * and the clerk jumps to the part in hand. Scrolls only: the address (the app's route) stays as it is.
 */
function CaseSections() {
  const { t } = useTranslation();
  const sections = [
    ['case-summary', t('cases.sections.summary')],
    ['case-deadlines', t('cases.deadlines')],
    ['case-approvals', t('cases.approvals')],
    ['case-disposal', t('cases.disposal')],
    ['case-documents', t('cases.documents')],
    ['case-events', t('cases.record')],
  ] as const;
  return (
    <nav aria-label={t('cases.sections.label')} className="case-sections" data-testid="case-sections">
      <Anchor
        direction="horizontal"
        // The bar sticks by itself (CSS): the anchor's own affix would fix it a second time.
        affix={false}
        targetOffset={56}
        onClick={(e) => e.preventDefault()}
        items={sections.map(([id, title]) => ({ key: id, href: `#${id}`, title }))}
      />
    </nav>
  );
}
