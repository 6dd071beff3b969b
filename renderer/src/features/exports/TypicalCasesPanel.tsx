import { CloudDownloadOutlined, EditOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExportSummary } from '../../../../shared/api/channels/exports.ts';
import type {
  SchedulePeriod,
  TypicalCandidate,
  TypicalCase,
  TypicalCaseField,
  TypicalOverview,
} from '../../../../shared/entities/typical-case.ts';
import { AppError } from '../../../../shared/base/errors.ts';
import { api } from '../../api/client.ts';
import { clearErrorsOnChange, errorMessage, showFieldErrors } from '../../app/errors.ts';
import { usePrintPreview } from '../../app/PrintPreview.tsx';
import { useSession } from '../../app/session.tsx';
import { today } from '../../app/clock.ts';
import { tKey } from '../../i18n.ts';
import { DateField } from '../fields.tsx';
import { Digests, useSavePackage } from './Digests.tsx';

const STATUS_COLORS = { draft: 'default', final: 'blue', sent: 'green' } as const;
const PERIOD_COLORS: Record<SchedulePeriod['status'], string> = { met: 'green', due: 'orange', missed: 'red' };

/** This period's rules that still want cases, in the user's words: what to do next. */
export function periodsDue(periods: SchedulePeriod[]) {
  return periods.filter((p) => p.status === 'due' && p.sent < p.required);
}

/**
 * 典型执法案例: what the ministry's schedule (and a local rule) asks of this unit now, the decided cases that would
 * qualify, and the write-ups, each drafted from its file, finalised to a PDF, sent and packed.
 */
export function TypicalCasesPanel() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [overview, setOverview] = useState<TypicalOverview | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [drafting, setDrafting] = useState<number | null>(null);
  const en = i18n.language.startsWith('en');
  const reload = useCallback(() => {
    api.typical
      .overview({})
      .then(setOverview)
      .catch((e) => message.error(errorMessage(e)));
  }, [message]);
  useEffect(reload, [reload]);

  const draft = async (c: TypicalCandidate) => {
    setDrafting(c.caseId);
    try {
      const made = await api.typical.create({ caseId: c.caseId });
      setOpen(made.id);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDrafting(null);
    }
  };
  const due = overview ? periodsDue(overview.periods) : [];
  const qualifying = overview?.candidates.filter((c) => !c.refusal && !c.typicalCaseId) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="typical">
      <Typography.Text>{t('typicalCases.hint')}</Typography.Text>
      {overview && (
        <Alert
          type={due.length ? 'warning' : 'success'}
          showIcon
          data-testid="typical-next"
          message={
            due.length
              ? due
                  .map((p) =>
                    t('typicalCases.next.due', {
                      rule: en ? p.nameEn : p.name,
                      count: p.required - p.sent,
                      due: p.due,
                    }),
                  )
                  .join('；')
              : t('typicalCases.next.met')
          }
          description={
            due.length
              ? qualifying.length
                ? t('typicalCases.next.draft', { count: qualifying.length })
                : overview.records.some((r) => r.status !== 'sent')
                  ? t('typicalCases.next.finish')
                  : t('typicalCases.next.noCandidate')
              : undefined
          }
        />
      )}
      <Card size="small" title={t('typicalCases.schedule.title')}>
        <Table<SchedulePeriod>
          size="small"
          rowKey={(p) => `${p.rule}:${p.from}`}
          loading={!overview}
          dataSource={overview?.periods ?? []}
          pagination={false}
          locale={{ emptyText: t('typicalCases.schedule.none') }}
          columns={[
            {
              title: t('typicalCases.schedule.rule'),
              render: (_, p) => (
                <span>
                  {en ? p.nameEn : p.name}{' '}
                  <Tooltip title={`${p.basis}${p.uncertain ? `；${t('typicalCases.schedule.uncertain')}` : ''}`}>
                    <QuestionCircleOutlined />
                  </Tooltip>
                </span>
              ),
            },
            {
              title: t('typicalCases.schedule.period'),
              width: 200,
              render: (_, p) => `${p.from} ~ ${p.to}`,
            },
            { title: t('typicalCases.schedule.due'), width: 110, dataIndex: 'due' },
            {
              title: t('typicalCases.schedule.sent'),
              width: 90,
              render: (_, p) => `${p.sent} / ${p.required}`,
            },
            {
              title: t('typicalCases.schedule.status'),
              width: 100,
              render: (_, p) => (
                <Tag color={PERIOD_COLORS[p.status]} data-testid="typical-period-status">
                  {tKey(`typicalCases.periodStatus.${p.status}`)}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('typicalCases.records.title')}>
        <Table
          size="small"
          rowKey="id"
          loading={!overview}
          dataSource={overview?.records ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('typicalCases.records.none') }}
          data-testid="typical-records"
          columns={[
            {
              title: t('typicalCases.records.titleColumn'),
              render: (_, r) => (
                <a onClick={() => setOpen(r.id)} data-testid="typical-open">
                  {overview?.titles[r.id] || r.caseNo}
                </a>
              ),
            },
            {
              title: t('typicalCases.candidates.case'),
              width: 190,
              render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNo}</Link>,
            },
            {
              title: t('typicalCases.records.status'),
              width: 150,
              render: (_, r) => (
                <Tag color={STATUS_COLORS[r.status]} data-testid="typical-status">
                  {r.sent
                    ? t('typicalCases.status.sentOn', { on: r.sent.on })
                    : tKey(`typicalCases.status.${r.status}`)}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('typicalCases.candidates.title')}>
        <Typography.Paragraph type="secondary">{t('typicalCases.candidates.hint')}</Typography.Paragraph>
        <Table<TypicalCandidate>
          size="small"
          rowKey="caseId"
          loading={!overview}
          dataSource={overview?.candidates ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('typicalCases.candidates.none') }}
          data-testid="typical-candidates"
          columns={[
            {
              title: t('typicalCases.candidates.case'),
              width: 190,
              render: (_, c) => <Link to={`/cases/${c.caseId}`}>{c.caseNo}</Link>,
            },
            { title: t('typicalCases.candidates.party'), dataIndex: 'enterpriseName' },
            { title: t('typicalCases.candidates.decided'), width: 110, dataIndex: 'decidedOn' },
            {
              title: t('typicalCases.candidates.fine'),
              width: 110,
              align: 'right',
              render: (_, c) => c.totalFine.toLocaleString('zh-CN'),
            },
            {
              title: '',
              width: 220,
              render: (_, c) =>
                c.typicalCaseId ? (
                  <a onClick={() => setOpen(c.typicalCaseId)}>{t('typicalCases.candidates.open')}</a>
                ) : c.refusal ? (
                  <Typography.Text type="secondary">{tKey(c.refusal)}</Typography.Text>
                ) : (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    loading={drafting === c.caseId}
                    disabled={!can('cases.write')}
                    onClick={() => void draft(c)}
                    data-testid="typical-draft"
                  >
                    {t('typicalCases.candidates.draft')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <TypicalCaseEditor id={open} onClose={() => setOpen(null)} onChanged={reload} />
    </Space>
  );
}

/** One write-up: the file's fields to read, the clerk's to write, and what comes next for it. */
function TypicalCaseEditor({ id, onClose, onChanged }: { id: number | null; onClose(): void; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can, info } = useSession();
  const preview = usePrintPreview();
  const savePackage = useSavePackage();
  const [form] = Form.useForm<Record<string, string>>();
  const [tc, setTc] = useState<TypicalCase | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [made, setMade] = useState<ExportSummary | null>(null);
  const en = i18n.language.startsWith('en');
  const label = (f: TypicalCaseField) => (en ? f.labelEn : f.label);
  // Drafted fields replaced or kept against the file's new draft on this screen.
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const show = useCallback(
    (x: TypicalCase) => {
      setTc(x);
      setConfirmed([]);
      // A package is of a final page: reopened, it is no longer this write-up's.
      if (x.status === 'draft') setMade(null);
      form.setFieldsValue(Object.fromEntries(x.fields.filter((f) => !f.from).map((f) => [f.id, x.values[f.id]])));
    },
    [form],
  );
  useEffect(() => {
    setTc(null);
    setMade(null);
    form.resetFields();
    if (id !== null)
      api.typical
        .get({ id })
        .then(show)
        .catch((e) => message.error(errorMessage(e)));
  }, [id, form, show, message]);
  const editable = tc?.status === 'draft' && can('cases.write');
  const act = async (name: string, fn: () => Promise<TypicalCase | void>) => {
    setBusy(name);
    try {
      const next = await fn();
      if (next) show(next);
      onChanged();
    } catch (e) {
      // A field's problem under the field; the write-up's own (a veto since, sent already) said plainly.
      const onFields =
        e instanceof AppError && !!e.details?.issues?.every((i) => i.path[0] === 'values' && i.path.length > 1);
      if (!onFields || !showFieldErrors(form, e, ['values'])) message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  // Saved first: the preview and the final page are made from what is stored, never from the screen.
  const save = async (): Promise<TypicalCase> => {
    const values = form.getFieldsValue();
    // Each drafted field changed, replaced or kept here, with the draft this screen showed for it.
    const basis = Object.fromEntries(
      Object.entries(tc!.drafts).filter(([k]) => confirmed.includes(k) || form.isFieldTouched(k)),
    );
    return api.typical.save({ id: tc!.id, version: tc!.version, values, basis });
  };
  const demo = info.workspace === 'demo';
  const next = !tc
    ? ''
    : tc.status === 'draft'
      ? Object.keys(tc.stale).some((k) => !confirmed.includes(k))
        ? t('typicalCases.editor.next.stale', {
            fields: tc.fields
              .filter((f) => Object.hasOwn(tc.stale, f.id) && !confirmed.includes(f.id))
              .map(label)
              .join('、'),
          })
        : tc.missing.length
          ? t('typicalCases.editor.next.fill', {
              fields: tc.fields
                .filter((f) => tc.missing.includes(f.id))
                .map(label)
                .join('、'),
            })
          : t('typicalCases.editor.next.finalize')
      : tc.status === 'final'
        ? t('typicalCases.editor.next.send')
        : t('typicalCases.editor.next.sent', { on: tc.sent?.on ?? '' });
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={820}
      title={tc ? (tc.values.title ?? tc.caseNo) : t('typicalCases.editor.loading')}
      destroyOnHidden
      data-testid="typical-editor"
      extra={
        tc && (
          <Tag color={STATUS_COLORS[tc.status]} data-testid="typical-editor-status">
            {tKey(`typicalCases.status.${tc.status}`)}
          </Tag>
        )
      }
    >
      {tc && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon message={next} data-testid="typical-editor-next" />
          <Space wrap>
            {tc.status === 'draft' && (
              <>
                <Button
                  loading={busy === 'save'}
                  disabled={!editable}
                  onClick={() => void act('save', save)}
                  data-testid="typical-save"
                >
                  {t('common.save')}
                </Button>
                <Button
                  onClick={() =>
                    void act('preview', async () => {
                      const saved = editable ? await save() : tc;
                      preview(() => api.typical.preview({ id: saved.id }), saved.values.title ?? '');
                      return saved;
                    })
                  }
                  loading={busy === 'preview'}
                  data-testid="typical-preview"
                >
                  {t('typicalCases.editor.preview')}
                </Button>
                <Button
                  type="primary"
                  loading={busy === 'finalize'}
                  disabled={!editable}
                  onClick={() =>
                    void act('finalize', async () => {
                      const saved = await save();
                      show(saved);
                      return api.typical.finalize({ id: saved.id, version: saved.version });
                    })
                  }
                  data-testid="typical-finalize"
                >
                  {t('typicalCases.editor.finalize')}
                </Button>
              </>
            )}
            {tc.status !== 'draft' && (
              <Button
                onClick={() => preview(() => api.typical.pdf({ id: tc.id }), tc.values.title ?? '')}
                data-testid="typical-pdf"
              >
                {t('typicalCases.editor.pdf')}
              </Button>
            )}
            {tc.status === 'final' && (
              <>
                <Button
                  type="primary"
                  disabled={!can('exports.make') || demo}
                  onClick={() => setSending(true)}
                  data-testid="typical-mark-sent"
                >
                  {t('typicalCases.editor.markSent')}
                </Button>
                <Button
                  loading={busy === 'reopen'}
                  disabled={!can('cases.write')}
                  onClick={() => void act('reopen', () => api.typical.reopen({ id: tc.id, version: tc.version }))}
                  data-testid="typical-reopen"
                >
                  {t('typicalCases.editor.reopen')}
                </Button>
              </>
            )}
            {tc.status !== 'draft' && (
              <Button
                icon={<CloudDownloadOutlined />}
                loading={busy === 'package'}
                disabled={!can('exports.make') || demo}
                onClick={() =>
                  void act('package', async () => {
                    setMade(await api.typical.package({ id: tc.id }));
                    return api.typical.get({ id: tc.id });
                  })
                }
                data-testid="typical-package"
              >
                {t('typicalCases.editor.package')}
              </Button>
            )}
          </Space>
          {demo && tc.status !== 'draft' && (
            <Typography.Text type="secondary">{t('errors.DEMO_EXPORT_REFUSED')}</Typography.Text>
          )}
          {made && (
            <Alert
              type="success"
              showIcon
              data-testid="typical-package-made"
              message={t('typicalCases.editor.packaged', { name: made.name })}
              description={
                <Space direction="vertical">
                  <Digests bytes={made.bytes} sha256={made.sha256} sm3={made.sm3} />
                  <Button
                    icon={<CloudDownloadOutlined />}
                    onClick={() => savePackage(made.name)}
                    data-testid="typical-package-download"
                  >
                    {t('exports.full.download')}
                  </Button>
                </Space>
              }
            />
          )}
          <Descriptions
            size="small"
            bordered
            column={1}
            title={
              <Space>
                {t('typicalCases.editor.fromFile')}
                <Link to={`/cases/${tc.caseId}`}>{tc.caseNo}</Link>
              </Space>
            }
            data-testid="typical-from-file"
          >
            {tc.fields
              .filter((f) => f.from)
              .map((f) => (
                <Descriptions.Item key={f.id} label={label(f)}>
                  <span data-testid={`typical-value-${f.id}`}>{tc.values[f.id] || '—'}</span>
                </Descriptions.Item>
              ))}
          </Descriptions>
          <Form
            form={form}
            layout="vertical"
            disabled={!editable}
            onValuesChange={clearErrorsOnChange(form)}
            style={{ marginTop: 8 }}
          >
            {tc.fields
              .filter((f) => !f.from)
              .map((f) => (
                <Form.Item
                  key={f.id}
                  label={label(f)}
                  required={f.required}
                  extra={f.draft && editable ? t('typicalCases.editor.drafted') : undefined}
                >
                  {Object.hasOwn(tc.stale, f.id) && !confirmed.includes(f.id) && (
                    <Alert
                      type="warning"
                      showIcon
                      style={{ marginBottom: 8 }}
                      data-testid={`typical-stale-${f.id}`}
                      message={t('typicalCases.editor.stale')}
                      description={
                        <Space direction="vertical" style={{ width: '100%' }}>
                          <Typography.Text>{tc.stale[f.id]}</Typography.Text>
                          <Space>
                            <Button
                              size="small"
                              onClick={() => {
                                form.setFieldValue(f.id, tc.stale[f.id]);
                                setConfirmed((c) => [...c, f.id]);
                              }}
                            >
                              {t('typicalCases.editor.redraft')}
                            </Button>
                            <Button size="small" onClick={() => setConfirmed((c) => [...c, f.id])}>
                              {t('typicalCases.editor.keep')}
                            </Button>
                          </Space>
                        </Space>
                      }
                    />
                  )}
                  <Form.Item name={f.id} noStyle>
                    {f.input === 'textarea' ? (
                      <Input.TextArea
                        autoSize={{ minRows: 3, maxRows: 12 }}
                        maxLength={f.max}
                        showCount
                        data-testid={`typical-field-${f.id}`}
                      />
                    ) : (
                      <Input maxLength={f.max} data-testid={`typical-field-${f.id}`} />
                    )}
                  </Form.Item>
                </Form.Item>
              ))}
          </Form>
          <SentDialog
            open={sending}
            tc={tc}
            onClose={() => setSending(false)}
            onDone={(x) => {
              setSending(false);
              show(x);
              onChanged();
            }}
          />
        </Space>
      )}
    </Drawer>
  );
}

/** The day the write-up went to the ministry, and what its portal said. */
function SentDialog({
  open,
  tc,
  onClose,
  onDone,
}: {
  open: boolean;
  tc: TypicalCase;
  onClose(): void;
  onDone(x: TypicalCase): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [on, setOn] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setOn(today());
    setNote('');
  }, [open]);
  return (
    <Modal
      open={open}
      title={t('typicalCases.sent.title')}
      onCancel={onClose}
      okText={t('typicalCases.sent.ok')}
      confirmLoading={busy}
      okButtonProps={{ disabled: !on, 'data-testid': 'typical-sent-ok' } as ButtonProps}
      onOk={() => {
        setBusy(true);
        api.typical
          .sent({ id: tc.id, version: tc.version, on, note })
          .then(onDone)
          .catch((e) => message.error(errorMessage(e)))
          .finally(() => setBusy(false));
      }}
    >
      <Typography.Paragraph>{t('typicalCases.sent.hint')}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <span>{t('typicalCases.sent.on')}</span>
        <DateField id="typical-sent-on" value={on} past onChange={setOn} />
        <span>{t('typicalCases.sent.note')}</span>
        <Input.TextArea rows={2} maxLength={500} showCount value={note} onChange={(e) => setNote(e.target.value)} />
      </Space>
    </Modal>
  );
}
