import { PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Dropdown,
  Empty,
  Space,
  Steps,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type {
  CaseDeadline,
  CaseDetail,
  CaseEvent,
  CaseEventKind,
  CaseStage,
} from '../../../../shared/entities/case.ts';
import type { ReviewFinding } from '../../../../shared/domain/review/review.ts';
import { mayRetract } from '../../../../shared/domain/case-permissions.ts';
import { nextApprovalRole } from '../../../../shared/domain/case-procedure.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { tKey } from '../../i18n.ts';
import { formatDateTime } from '../format.ts';
import { saveDownload } from '../files.ts';
import { vocabLabel } from '../vocab.ts';
import { CaseForm } from './CaseForm.tsx';
import { STAGE_COLORS, yuan } from './CaseList.tsx';
import { DisposalEditor } from './DisposalEditor.tsx';
import { type EventDraft, EventDialog } from './EventDialog.tsx';
import { PublicationDialog } from './PublicationDialog.tsx';
import { findingLink } from '../review/links.ts';
import { today } from '../../app/clock.ts';

const DEADLINE_COLORS: Record<CaseDeadline['status'], string> = {
  pending: 'blue',
  met: 'green',
  late: 'orange',
  overdue: 'red',
};
const LATER_EVENTS: CaseEventKind[] = [
  'recusal',
  'statement',
  'hearing-request',
  'hearing',
  'collective-discussion',
  'transfer-answer',
  'payment',
  'cash-handed-in',
  'court-application',
  'publication',
  'publication-withdrawn',
  'summary-filed',
  'refused-correction',
  'corrected',
  'archive',
  'remedy',
  'enforcement',
  'borrow',
];

/** The path this case takes: 当场处罚 skips 立案 and 告知; the transfer and the hearing appear where they apply. */
function stepsOf(kase: CaseDetail): CaseStage[] {
  const tail: CaseStage[] = ['decision', 'execution', 'closing', 'closed', 'archived'];
  if (kase.procedure === 'summary') return ['disposal', ...tail];
  const hearing = kase.events.some((e) => e.data.kind === 'hearing-request' && !e.retracted);
  return [
    'filing',
    'investigation',
    'disposal',
    ...(kase.suspectedCrime || kase.outcome === 'transfer' ? ['transfer' as const] : []),
    'notice',
    ...(hearing ? ['hearing' as const] : []),
    ...tail,
  ];
}

/** The forms this case can make, in the order a clerk makes them, one per party where each party gets its own. */
type DocumentChoice = { type: string; party?: number; name?: string };
type DocumentGroup = 'investigation' | 'coercion' | 'penalty' | 'other';

/** The documents a case can make now, grouped as the file is: investigation, coercion, the penalty itself, the rest. */
function documentChoices(kase: CaseDetail): [DocumentGroup, DocumentChoice[]][] {
  const fined = kase.persons
    .map((p, i) => ({ party: i, name: p.name }))
    .filter(({ party }) => kase.violations.some((v) => v.party === party));
  const unit = kase.violations.some((v) => v.party === 'unit') || !kase.violations.length;
  const perParty = (unitType: string | null, personType: string) => [
    ...(unit && unitType ? [{ type: unitType }] : []),
    ...fined.map((p) => ({ type: personType, ...p })),
  ];
  if (kase.procedure === 'summary')
    return [
      ['penalty', perParty('summary-penalty-unit', 'summary-penalty-person')],
      ['other', [{ type: 'service-receipt' }]],
    ];
  const has = (type: string) => kase.documents.some((d) => d.type === type && d.status === 'issued');
  const types = (...list: (string | false)[]) => list.filter((x): x is string => !!x).map((type) => ({ type }));
  const hearing = kase.events.some((e) => e.data.kind === 'hearing-request' && !e.retracted);
  const held = kase.events.some((e) => e.data.kind === 'hearing' && e.data.attended && !e.retracted);
  return [
    [
      'investigation',
      types(
        'questioning-notice',
        'questioning-record',
        'survey-record',
        'sampling-receipt',
        'appraisal-request',
        'evidence-list',
        'evidence-preservation-notice',
        has('evidence-preservation-notice') && 'evidence-disposal-decision',
      ),
    ],
    [
      'coercion',
      types(
        'seal-seize-decision',
        has('seal-seize-decision') && 'seal-seize-extension',
        has('seal-seize-decision') && 'seal-seize-disposal',
        'power-stop-decision',
        has('power-stop-decision') && 'power-stop-notice',
        has('power-stop-decision') && 'power-restore-notice',
      ),
    ],
    [
      'penalty',
      [
        ...(kase.outcome === 'transfer' ? [{ type: 'transfer-letter' }] : []),
        ...perParty('penalty-notice', 'penalty-notice'),
        ...(hearing ? [{ type: 'hearing-meeting-notice' }] : []),
        ...types(held && 'hearing-record', has('hearing-record') && 'hearing-report'),
        ...perParty('penalty-decision-unit', 'penalty-decision-person'),
        ...(has('penalty-decision-unit') || has('penalty-decision-person')
          ? [
              ...perParty('deferred-payment-approval-letter', 'deferred-payment-approval-letter'),
              ...perParty('enforcement-demand', 'enforcement-demand'),
            ]
          : []),
      ],
    ],
    ['other', [{ type: 'service-receipt' }]],
  ];
}

export function CasePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { can, session } = useSession();
  const navigate = useNavigate();
  const [kase, setKase] = useState<CaseDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<EventDraft | null>(null);
  const [publishing, setPublishing] = useState(false);
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
  if (!kase) return <div className="page" />;

  const write = can('cases.write') && !kase.archived;
  const steps = stepsOf(kase);
  const stageIndex = steps.indexOf(kase.stage);
  const createDocument = async (type: string, party?: number) => {
    try {
      navigate(`/documents/${(await api.documents.create({ type, caseId: kase.id, party })).id}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const retract = (ev: CaseEvent) =>
    modal.confirm({
      title: t('cases.retractTitle'),
      content: t('cases.retractText'),
      onOk: () =>
        api.cases
          .retract({
            id: kase.id,
            date: today(),
            eventId: ev.id,
            reason: t('cases.retractReason', { user: session.user.displayName }),
          })
          .then(show)
          .catch((e) => message.error(errorMessage(e))),
    });
  const approvalStages =
    kase.procedure === 'summary' ? (['closing'] as const) : (['filing', 'disposal', 'closing'] as const);
  const approvals = (stage: 'filing' | 'disposal' | 'closing') =>
    kase.events.filter((e) => e.data.kind === 'approval' && e.data.stage === stage);

  return (
    <div className="page" data-testid="case-page">
      <div className="page-header">
        <h2>
          {kase.cause}{' '}
          <Tag color={STAGE_COLORS[kase.stage]} data-testid="case-stage">
            {t(`cases.stages.${kase.stage}`)}
          </Tag>
        </h2>
        <Space>
          {(kase.stage === 'closed' || kase.stage === 'archived') && (
            <Button
              data-testid="case-binder"
              onClick={() =>
                void api.cases
                  .binder({ id: kase.id })
                  .then(saveDownload)
                  .catch((e) => message.error(errorMessage(e)))
              }
            >
              {t('cases.binder')}
            </Button>
          )}
          {write && kase.stage !== 'closed' && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
        </Space>
      </div>
      <Steps
        size="small"
        current={stageIndex}
        style={{ marginBottom: 16 }}
        items={steps.map((s) => ({ title: t(`cases.stages.${s}`) }))}
      />
      {kase.blockers.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="case-blockers"
          message={t('cases.blockersTitle')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {kase.blockers.map((b, i) => (
                <li key={i}>{tKey(b.key, b.params)}</li>
              ))}
            </ul>
          }
        />
      )}
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="case-review-warnings"
          message={t('review.caseWarnings')}
          action={
            <Button size="small" onClick={() => navigate(`/review/${kase.id}`)}>
              {t('review.openReview')}
            </Button>
          }
          description={
            <>
              {t('review.caseWarningsHint')}
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {warnings.map((f) => (
                  <li key={f.id}>
                    <a onClick={() => navigate(findingLink(f, kase.id))}>{tKey(f.key, f.params)}</a>
                    <Typography.Text type="secondary">（{f.basis}）</Typography.Text>
                  </li>
                ))}
              </ul>
            </>
          }
        />
      )}
      {kase.closurePrompt && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('cases.closurePrompt', kase.closurePrompt)}
        />
      )}
      {kase.suspectedCrime && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('cases.suspectedCrimeBanner')} />
      )}

      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'no', label: t('cases.caseNo'), children: kase.caseNo },
            {
              key: 'party',
              label: t('cases.party'),
              children: <a onClick={() => navigate(`/enterprises/${kase.enterpriseId}`)}>{kase.unit.name}</a>,
            },
            { key: 'code', label: t('cases.partyCode'), children: kase.unit.code },
            {
              key: 'src',
              label: t('cases.source'),
              children: (
                <>
                  {vocabLabel(t, 'caseSources', kase.source)}
                  {kase.procedure === 'summary' && <Tag style={{ marginLeft: 8 }}>{t('cases.procedures.summary')}</Tag>}
                </>
              ),
            },
            { key: 'vd', label: t('cases.violationDate'), children: kase.violationDate },
            { key: 'filed', label: t('cases.filedOn'), children: kase.filedOn ?? '—' },
            { key: 'h', label: t('cases.handlers'), children: kase.handlerNames.join('、') },
            { key: 'fine', label: t('cases.totalFine'), children: kase.totalFine ? yuan(kase.totalFine) : '—' },
            { key: 'paid', label: t('cases.paid'), children: kase.paid ? yuan(kase.paid) : '—' },
            { key: 'facts', label: t('cases.facts'), span: 3, children: kase.facts || '—' },
          ]}
        />
      </Card>

      <Card size="small" title={t('cases.deadlines')} style={{ marginBottom: 16 }} data-testid="case-deadlines">
        {kase.deadlines.length === 0 ? (
          <Empty description={t('cases.noDeadlines')} />
        ) : (
          <Table<CaseDeadline>
            rowKey={(d) => `${d.period}|${d.partyName ?? ''}|${d.from}`}
            size="small"
            pagination={false}
            dataSource={kase.deadlines}
            columns={[
              // A period that runs from a document (a notice, a decision) opens it.
              {
                title: t('cases.deadlineName'),
                dataIndex: 'name',
                render: (v: string, d) => {
                  const name = d.partyName ? `${v}（${d.partyName}）` : v;
                  return d.documentId ? <a onClick={() => navigate(`/documents/${d.documentId}`)}>{name}</a> : name;
                },
              },
              { title: t('cases.deadlineFrom'), dataIndex: 'from', width: 110 },
              { title: t('cases.deadlineDue'), dataIndex: 'due', width: 110 },
              { title: t('cases.deadlineMet'), dataIndex: 'metOn', width: 110, render: (v: string | null) => v ?? '—' },
              {
                title: t('cases.deadlineStatus'),
                dataIndex: 'status',
                width: 150,
                render: (v: CaseDeadline['status'], d) => (
                  <Space size={4}>
                    <Tag color={DEADLINE_COLORS[v]}>{t(`cases.deadlineStatuses.${v}`)}</Tag>
                    {d.uncertain && <Tag color="gold">{t('cases.uncertain')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('cases.basis'),
                dataIndex: 'basis',
                render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
              },
            ]}
          />
        )}
        {kase.surcharges
          .filter((x) => x.days > 0)
          .map((x) => (
            <Alert
              key={x.partyName ?? ''}
              type="error"
              style={{ marginTop: 8 }}
              message={`${x.partyName ? `${x.partyName}：` : ''}${t('cases.surcharge', { ...x, amount: yuan(x.amount) })}`}
            />
          ))}
        {kase.dailyPenalties.map((x) => (
          <Alert
            key={`${x.partyName ?? ''}|${x.from}`}
            type={x.corrected ? 'info' : 'warning'}
            style={{ marginTop: 8 }}
            data-testid="case-daily-penalty"
            message={`${x.partyName ? `${x.partyName}：` : ''}${t(x.corrected ? 'cases.dailyPenaltyEnded' : 'cases.dailyPenalty', { ...x, perDay: yuan(x.perDay), amount: yuan(x.amount) })}`}
          />
        ))}
      </Card>

      <Card size="small" title={t('cases.approvals')} style={{ marginBottom: 16 }} data-testid="case-approvals">
        {approvalStages.map((stage) => (
          <div key={stage} style={{ marginBottom: 8 }}>
            <Space wrap>
              <b>{vocabLabel(t, 'approvalStages', stage)}</b>
              {approvals(stage).map(
                (e) =>
                  e.data.kind === 'approval' && (
                    <Tag
                      key={e.id}
                      color={e.retracted ? 'default' : e.data.approved ? 'green' : 'red'}
                      style={e.retracted ? { textDecoration: 'line-through' } : undefined}
                    >
                      {vocabLabel(t, 'approvalRoles', e.data.role)}：{e.data.name}
                      {e.data.post ? `（${e.data.post}）` : ''} {e.data.date}
                    </Tag>
                  ),
              )}
              {write && (
                <Button
                  size="small"
                  data-testid={`approve-${stage}`}
                  onClick={() =>
                    setDraft({
                      kind: 'approval',
                      values: { stage, role: nextApprovalRole(kase.events, stage), date: today() },
                    })
                  }
                >
                  {t('cases.addSignature')}
                </Button>
              )}
              <Button
                size="small"
                type="link"
                icon={<PrinterOutlined />}
                data-testid={`approval-form-${stage}`}
                onClick={() =>
                  void api.cases
                    .approvalForm({ id: kase.id, stage })
                    .then(saveDownload)
                    .catch((e) => message.error(errorMessage(e)))
                }
              >
                {t('cases.printApprovalForm')}
              </Button>
            </Space>
          </div>
        ))}
      </Card>

      <Card size="small" title={t('cases.disposal')} style={{ marginBottom: 16 }}>
        {kase.filedOn || kase.procedure === 'summary' ? (
          <DisposalEditor
            kase={kase}
            editable={write && (['investigation', 'disposal'].includes(kase.stage) || kase.disposalRevisable)}
            onSaved={(c) => void show(c)}
          />
        ) : (
          <Empty description={t('cases.fileFirst')} />
        )}
        {kase.triggers.legalReview.length > 0 && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            message={t('cases.legalReviewNeeded', {
              reasons: kase.triggers.legalReview.map((r) => tKey(`cases.triggers.${r}`)).join('、'),
            })}
            action={
              can('cases.review') && (
                <Button
                  size="small"
                  onClick={() =>
                    setDraft({
                      kind: 'legal-review',
                      values: { date: today(), name: session.user.displayName, result: 'pass' },
                    })
                  }
                  data-testid="legal-review"
                >
                  {t('cases.events.legal-review')}
                </Button>
              )
            }
          />
        )}
      </Card>

      <Card
        size="small"
        title={t('cases.documents')}
        style={{ marginBottom: 16 }}
        data-testid="case-documents"
        extra={
          write && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: documentChoices(kase).map(([group, choices]) => ({
                  type: 'group' as const,
                  key: group,
                  label: tKey(`cases.documentGroups.${group}`),
                  children: choices.map((d) => ({
                    key: `${d.type}|${d.party ?? ''}`,
                    label: `${tKey(`cases.documentTypes.${d.type}`)}${d.name ? `（${d.name}）` : ''}`,
                    onClick: () => void createDocument(d.type, d.party),
                  })),
                })),
              }}
            >
              <Button type="primary" data-testid="case-document-create">
                {t('cases.makeDocument')}
              </Button>
            </Dropdown>
          )
        }
      >
        {kase.documents.some((d) => d.status === 'issued' && d.type.startsWith('penalty-decision-')) && (
          <Button
            size="small"
            style={{ marginBottom: 8 }}
            onClick={() => setPublishing(true)}
            data-testid="case-publication"
          >
            {t('cases.publicationButton')}
          </Button>
        )}
        {kase.documents.length === 0 ? (
          <Empty description={t('cases.noDocuments')} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={kase.documents}
            onRow={(r) => ({ onClick: () => navigate(`/documents/${r.id}`), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('cases.documentType'), dataIndex: 'typeName' },
              {
                title: t('cases.documentNumber'),
                dataIndex: 'numberText',
                render: (v: string | null, d) => (d.status === 'draft' ? t('cases.draft') : (v ?? '—')),
              },
              { title: t('cases.documentDate'), dataIndex: 'date', width: 120 },
              { title: t('cases.servedOn'), dataIndex: 'servedOn', width: 120, render: (v: string | null) => v ?? '—' },
              {
                title: t('cases.documentStatus'),
                dataIndex: 'status',
                width: 100,
                render: (v: string) => <Tag>{tKey(`cases.documentStatuses.${v}`)}</Tag>,
              },
            ]}
          />
        )}
      </Card>

      {publishing && <PublicationDialog caseId={kase.id} onClose={() => setPublishing(false)} />}
      <Card
        size="small"
        title={t('cases.record')}
        data-testid="case-events"
        extra={
          (write || (kase.archived && can('cases.write'))) && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: LATER_EVENTS.map((kind) => ({
                  key: kind,
                  label: t(`cases.events.${kind}`),
                  onClick: () =>
                    setDraft({
                      kind,
                      values: {
                        date: today(),
                        ...(kind === 'archive' && kase.nextArchiveNo ? { archiveNo: kase.nextArchiveNo } : {}),
                      },
                    }),
                })),
              }}
            >
              <Button data-testid="case-record">{t('cases.addRecord')}</Button>
            </Dropdown>
          )
        }
      >
        {kase.events.length === 0 ? (
          <Empty description={t('cases.noEvents')} />
        ) : (
          <Timeline
            items={kase.events
              .filter((e) => e.data.kind !== 'retract')
              .map((e) => ({
                color: e.retracted ? 'gray' : 'blue',
                children: (
                  <div style={e.retracted ? { textDecoration: 'line-through', color: '#999' } : undefined}>
                    <b>{e.data.date}</b> {tKey(`cases.events.${e.data.kind}`)} {eventSummary(e)}
                    <Typography.Text type="secondary">
                      {' '}
                      — {t('cases.enteredBy', { user: e.enteredBy, at: formatDateTime(e.enteredAt) })}
                    </Typography.Text>
                    {e.scanSha256 && (
                      <a
                        style={{ marginLeft: 8 }}
                        onClick={() => void api.cases.file({ id: kase.id, hash: e.scanSha256! }).then(saveDownload)}
                      >
                        {t('cases.scan')}
                      </a>
                    )}
                    {/* Asked of the table the core refuses by, so the link never offers what the core would refuse. */}
                    {!e.retracted &&
                      !kase.archived &&
                      e.data.kind !== 'retract' &&
                      mayRetract(session.permissions, e) && (
                        <a style={{ marginLeft: 8 }} onClick={() => retract(e)}>
                          {t('cases.retract')}
                        </a>
                      )}
                    {e.retracted && (
                      <Typography.Text type="secondary">
                        {' '}
                        {t('cases.retracted', { reason: e.retracted.reason, by: e.retracted.by })}
                      </Typography.Text>
                    )}
                  </div>
                ),
              }))}
          />
        )}
      </Card>
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

function eventSummary(e: CaseEvent): string {
  const t = tKey;
  const d = e.data;
  switch (d.kind) {
    case 'approval':
      return `${t(`vocab.approvalStages.${d.stage}`)} · ${t(`vocab.approvalRoles.${d.role}`)}：${d.name}${d.approved ? '' : ` ${t('cases.notApproved')}`}${d.opinion ? ` — ${d.opinion}` : ''}`;
    case 'legal-review':
      return `${d.name}：${t(`cases.eventOptions.result.${d.result}`)} — ${d.opinion}`;
    case 'statement':
      return d.waived ? t('cases.waived') : `${d.content}（${d.adopted ? t('cases.adopted') : t('cases.notAdopted')}）`;
    case 'payment':
      return `${yuan(d.amount)} ${d.receiptNo}`;
    case 'hearing':
      return `${t('cases.eventFields.chair')}：${d.chair}${d.attended ? '' : ` ${t('cases.hearingAbsent')}`}`;
    case 'transfer-answer':
      return `${d.organ}：${t(`cases.eventOptions.result.${d.result}`)}`;
    case 'court-application':
      return d.court;
    case 'publication':
    case 'publication-withdrawn':
      return d.where;
    case 'summary-filed':
      return `${t('cases.eventFields.filedWith')}：${d.filedWith}`;
    case 'archive':
      return `${d.archiveNo}（${d.retention}）`;
    case 'remedy':
      return `${t(`cases.eventOptions.remedy.${d.remedy}`)} · ${d.organ} · ${t(`cases.eventOptions.outcome.${d.outcome}`)}`;
    case 'borrow':
      return `${d.borrower}：${d.purpose}`;
    case 'collective-discussion':
      return d.conclusion;
    case 'enforcement':
      return d.result;
    case 'cash-handed-in':
      return `${yuan(d.amount)} ${t('cases.eventFields.receivedBy')}：${d.receivedBy}`;
    case 'recusal':
      return `${d.officer}（${t(`cases.eventOptions.applicant.${d.applicant}`)}）${d.granted ? t('cases.recusalGranted') : t('cases.recusalRefused')} — ${d.decidedBy}`;
    case 'disposal-revised':
      return d.reason;
    case 'refused-correction':
      return `${t('cases.eventFields.orderedOn')}：${d.orderedOn} — ${d.note}`;
    default:
      return '';
  }
}
