import { App, Button, Card, Dropdown, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { mayRetract } from '../../../../../shared/domain/case-permissions.ts';
import type { CaseDetail, CaseEvent, CaseEventKind } from '../../../../../shared/entities/case.ts';
import { api } from '../../../api/client.ts';
import { today } from '../../../app/clock.ts';
import { errorMessage } from '../../../app/errors.ts';
import { useSession } from '../../../app/session.tsx';
import { tKey } from '../../../i18n.ts';
import { formatDateTime } from '../../format.ts';
import { saveDownload } from '../../files.ts';
import { yuan } from '../CaseList.tsx';
import type { EventDraft } from '../EventDialog.tsx';
import { signedUnder } from '../../../../../shared/domain/case-procedure.ts';

/** What the 登记 menu records after the approvals: the later steps of the procedure, in the order they come. */
const LATER_EVENTS: CaseEventKind[] = [
  'pre-investigation',
  'recusal',
  'transfer-assessment',
  'closure-request',
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

/**
 * The case's record (全过程记录): every event as entered, struck through once retracted, with its
 * scan; the 登记 menu for later steps (after 归档 too: 复议, 诉讼, 执行, 借阅 are appended).
 */
export function EventsCard({
  kase,
  write,
  onDraft,
  onChanged,
}: {
  kase: CaseDetail;
  write: boolean;
  onDraft(draft: EventDraft): void;
  onChanged(kase: CaseDetail): Promise<void>;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { can, session } = useSession();
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
          .then(onChanged)
          .catch((e) => message.error(errorMessage(e))),
    });
  return (
    <Card
      size="small"
      title={t('cases.record')}
      data-testid="case-events"
      id="case-events"
      extra={
        (write || (kase.archived && can('cases.write'))) && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: LATER_EVENTS.map((kind) => ({
                key: kind,
                label: t(`cases.events.${kind}`),
                onClick: () =>
                  onDraft({
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
                    !(e.data.kind === 'approval' && signedUnder(kase.events, e.data)) &&
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
  );
}

/** One line of what an event recorded, after its date and kind. */
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
    case 'closure-request':
      return [d.government, d.note].filter(Boolean).join(' — ');
    case 'transfer-assessment':
      return `${t(`cases.eventOptions.conclusion.${d.conclusion}`)}：${d.reasoning} — ${t('cases.eventFields.approvedBy')}：${d.approvedBy}`;
    case 'pre-investigation':
      return `${d.reason} — ${t('cases.eventFields.approvedBy')}：${d.approvedBy}`;
    case 'refused-correction':
      return `${t('cases.eventFields.orderedOn')}：${d.orderedOn} — ${d.note}`;
    default:
      return '';
  }
}
