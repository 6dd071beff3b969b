import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { App, Button, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { APPROVAL_STAGES } from '../../../../../shared/base/vocabulary.ts';
import { permissionToRecord } from '../../../../../shared/domain/case-permissions.ts';
import { approval, signsOf } from '../../../../../shared/domain/case-procedure.ts';
import type { CaseDetail } from '../../../../../shared/entities/case.ts';
import type { Settings } from '../../../../../shared/entities/settings.ts';
import { api } from '../../../api/client.ts';
import { errorMessage } from '../../../app/errors.ts';
import { useSession } from '../../../app/session.tsx';
import { DateField } from '../../fields.tsx';
import { readAsUpload } from '../../files.ts';
import { vocabLabel } from '../../vocab.ts';
import { SignedScanUpload } from '../EventDialog.tsx';

type ApprovalStage = keyof typeof APPROVAL_STAGES;
type Role = 'handler' | 'review' | 'approve';
type Sign = ReturnType<typeof signsOf>[number];
/** The four rows of the paper form, in the order they are signed. */
const ROWS: { key: string; role: Role }[] = [
  { key: 'handler-1', role: 'handler' },
  { key: 'handler-2', role: 'handler' },
  { key: 'review', role: 'review' },
  { key: 'approve', role: 'approve' },
];

/**
 * The rows of one approval form as they count now (approval()'s round): the first two different 承办人, the
 * latest 审核 and 审批. A 审批 that refused stays shown; the form then waits for a new 审批.
 */
export function formRows(kase: CaseDetail, stage: ApprovalStage): (Sign | undefined)[] {
  const signs = signsOf(kase.events, stage);
  const handlers = signs.filter((s) => s.role === 'handler');
  const second = handlers.find((h) => h.name !== handlers[0]?.name);
  return [
    handlers[0],
    second,
    signs.filter((s) => s.role === 'review').at(-1),
    signs.filter((s) => s.role === 'approve').at(-1),
  ];
}

/** The row to sign next: the first empty one, or the 审批 again after a refusal; none once approved. */
export function nextRow(kase: CaseDetail, stage: ApprovalStage): number | null {
  if (approval(kase.events, stage).date) return null;
  const rows = formRows(kase, stage);
  const empty = rows.findIndex((r) => !r);
  return empty >= 0 ? empty : 3;
}

/**
 * One approval form (立案 / 呈批 / 结案) as its four rows: each row signed shows who signed and when; the next row
 * is entered from the signed paper by whoever its role allows — the 承办人 by the case staff, the 审核 by the
 * reviewer, the 审批 by the head — prefilled with the case's officers and the usual signers, its date always
 * typed by hand. The rows after it wait their turn.
 */
export function ApprovalPanel({
  kase,
  stage,
  onClose,
  onSaved,
}: {
  kase: CaseDetail;
  stage: ApprovalStage;
  onClose(): void;
  onSaved(c: CaseDetail): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [signers, setSigners] = useState<Settings['approvalSigners'] | null>(null);
  useEffect(() => {
    void api.settings
      .get()
      .then((s) => setSigners(s.approvalSigners))
      .catch(() => setSigners(null));
  }, []);
  const rows = formRows(kase, stage);
  const next = nextRow(kase, stage);
  const approved = approval(kase.events, stage).date;

  return (
    <Modal
      open
      width={860}
      title={t('cases.sign.title', { form: vocabLabel(t, 'approvalStages', stage) })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      data-testid={`approval-panel-${stage}`}
    >
      <Typography.Paragraph type="secondary">{t('cases.sign.help')}</Typography.Paragraph>
      {ROWS.map((row, i) =>
        rows[i] && !(i === next && row.role === 'approve') ? (
          <SignedRow key={row.key} role={row.role} sign={rows[i]} />
        ) : i === next ? (
          <div key={row.key}>
            {rows[i] && <SignedRow role={row.role} sign={rows[i]} />}
            {can(permissionToRecord({ kind: 'approval', role: row.role })) ? (
              <EditRow
                // A fresh row for each turn: what was typed for one row never carries into the next.
                key={`${row.key}-${kase.version}-${kase.events.length}`}
                kase={kase}
                stage={stage}
                role={row.role}
                prefill={prefillOf(kase, rows, row.role, signers)}
                onSaved={(c) => {
                  message.success(t('cases.sign.recorded'));
                  onSaved(c);
                }}
              />
            ) : (
              <WaitingRow role={row.role} reason={t(`cases.sign.whoRecords.${row.role}`)} />
            )}
          </div>
        ) : (
          <WaitingRow key={row.key} role={row.role} reason={t('cases.sign.waitsTurn')} />
        ),
      )}
      {approved && (
        <Typography.Text type="success" data-testid="approval-panel-approved">
          <CheckCircleFilled /> {t('cases.sign.approvedOn', { date: approved })}
        </Typography.Text>
      )}
    </Modal>
  );
}

/** What a row offers before anyone types: the next 承办人 of the case not yet signed, or the unit's usual signer. */
function prefillOf(
  kase: CaseDetail,
  rows: (Sign | undefined)[],
  role: Role,
  signers: Settings['approvalSigners'] | null,
): { name: string; post: string } {
  if (role === 'handler') {
    const signed = new Set(rows.slice(0, 2).map((r) => r?.name));
    return { name: kase.handlerNames.find((n) => !signed.has(n)) ?? '', post: '' };
  }
  return { name: signers?.[role].name ?? '', post: signers?.[role].post ?? '' };
}

const rowStyle = {
  display: 'grid',
  gridTemplateColumns: '84px 1fr',
  gap: 12,
  alignItems: 'start',
  padding: '8px 0',
  borderTop: '1px solid #f0f0f0',
} as const;

function SignedRow({ role, sign }: { role: Role; sign: Sign }) {
  const { t } = useTranslation();
  return (
    <div style={rowStyle} data-testid={`approval-row-${role}`}>
      <b>{vocabLabel(t, 'approvalRoles', role)}</b>
      <Space wrap size={4}>
        {sign.approved ? (
          <CheckCircleFilled style={{ color: '#52c41a' }} />
        ) : (
          <CloseCircleFilled style={{ color: '#ff4d4f' }} />
        )}
        <span>
          {sign.name}
          {sign.post ? `（${sign.post}）` : ''}
        </span>
        <Typography.Text type="secondary">{sign.date}</Typography.Text>
        {!sign.approved && <Tag color="red">{t('cases.sign.disagree')}</Tag>}
        {sign.opinion && <Typography.Text type="secondary">— {sign.opinion}</Typography.Text>}
      </Space>
    </div>
  );
}

function WaitingRow({ role, reason }: { role: Role; reason: string }) {
  const { t } = useTranslation();
  return (
    <div style={rowStyle} data-testid={`approval-row-${role}`}>
      <Typography.Text type="secondary">{vocabLabel(t, 'approvalRoles', role)}</Typography.Text>
      <Typography.Text type="secondary">{reason}</Typography.Text>
    </div>
  );
}

function EditRow({
  kase,
  stage,
  role,
  prefill,
  onSaved,
}: {
  kase: CaseDetail;
  stage: ApprovalStage;
  role: Role;
  prefill: { name: string; post: string };
  onSaved(c: CaseDetail): void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(prefill.name);
  const [post, setPost] = useState(prefill.post);
  // Never filled in: the day is the one written on the paper, which only the person entering it knows.
  const [date, setDate] = useState('');
  const [opinion, setOpinion] = useState('');
  const [agreed, setAgreed] = useState(true);
  const [scan, setScan] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The usual signer arrives after the row is shown: offered if nothing was typed yet.
  useEffect(() => {
    setName((n) => n || prefill.name);
    setPost((p) => p || prefill.post);
  }, [prefill.name, prefill.post]);
  const missing = [!name.trim() && t('cases.sign.nameMissing'), !date && t('cases.sign.dateMissing')].filter(Boolean);

  const save = async () => {
    if (missing.length) {
      setError(missing.join('；'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await api.cases.sign({
        id: kase.id,
        sign: {
          stage,
          role,
          name: name.trim(),
          post: post.trim(),
          date,
          opinion: opinion.trim(),
          approved: role === 'approve' ? agreed : true,
        },
        scan: scan ? await readAsUpload(scan) : undefined,
      });
      onSaved(saved);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ ...rowStyle, background: '#f6ffed' }} data-testid={`approval-row-${role}`}>
      <b>{vocabLabel(t, 'approvalRoles', role)}</b>
      <div>
        <Space wrap align="start">
          <Input
            aria-label={t('cases.eventFields.name')}
            placeholder={t('cases.eventFields.name')}
            value={name}
            maxLength={50}
            onChange={(e) => setName(e.target.value)}
            style={{ width: 120 }}
            status={error && !name.trim() ? 'error' : undefined}
          />
          <Input
            aria-label={t('cases.eventFields.post')}
            placeholder={t('cases.eventFields.post')}
            value={post}
            maxLength={50}
            onChange={(e) => setPost(e.target.value)}
            style={{ width: 120 }}
          />
          <div style={{ width: 150 }}>
            <DateField past value={date} onChange={(d) => (setDate(d), setError(null))} id={`sign-date-${role}`} />
          </div>
          {role === 'approve' && (
            <Radio.Group value={agreed} onChange={(e) => setAgreed(e.target.value as boolean)}>
              <Radio value={true}>{t('cases.sign.agree')}</Radio>
              <Radio value={false}>{t('cases.sign.disagree')}</Radio>
            </Radio.Group>
          )}
        </Space>
        <Space wrap align="start" style={{ marginTop: 8, width: '100%' }}>
          <Input
            aria-label={t('cases.eventFields.opinion')}
            placeholder={t('cases.sign.opinionPlaceholder')}
            value={opinion}
            maxLength={1000}
            onChange={(e) => setOpinion(e.target.value)}
            style={{ width: 420 }}
          />
          <SignedScanUpload onChange={setScan} />
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="approval-sign">
            {t('cases.sign.record')}
          </Button>
        </Space>
        {error && (
          <Typography.Text type="danger" style={{ display: 'block', marginTop: 4 }} data-testid="approval-error">
            {error}
          </Typography.Text>
        )}
      </div>
    </div>
  );
}
