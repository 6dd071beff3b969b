import { CloudDownloadOutlined, CloudUploadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Descriptions,
  Input,
  List,
  Modal,
  Progress,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PublicationsPanel } from './PublicationsPanel.tsx';
import { TemplatesPanel } from './TemplatesPanel.tsx';
import { TypicalCasesPanel } from './TypicalCasesPanel.tsx';
import { Digests, mib, useSavePackage, VolumeList, VolumeSetting } from './Digests.tsx';
import { AppError } from '../../../../shared/base/errors.ts';
import type { ExportRow, ExportSummary } from '../../../../shared/api/channels/exports.ts';
import type { PackageOverride, PackageProblem, PackageReport } from '../../../../shared/entities/export-package.ts';
import { api, subscribeEvents } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { tKey } from '../../i18n.ts';
import { readAsUpload } from '../files.ts';
import { DateField } from '../fields.tsx';
import { formatDateTime } from '../format.ts';
import { today } from '../../app/clock.ts';

/** The record a problem names, where it has a page of its own. */
const PAGES: Record<string, (id: number) => string> = {
  enterprises: (id) => `/enterprises/${id}`,
  inspections: (id) => `/inspections/${id}`,
  cases: (id) => `/cases/${id}`,
  documents: (id) => `/documents/${id}`,
};

/**
 * 数据上报: a full package of the record for the province, made as a job the user can follow and stop, refused
 * whole when a record would fail the receiving side (each problem links to what to fix); and the check of any
 * package as the province or the city runs it.
 */
export function ExportsPage() {
  const { t } = useTranslation();
  const savePackage = useSavePackage();
  const { message } = App.useApp();
  const { can, info } = useSession();
  const demo = info.workspace === 'demo';
  const [job, setJob] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number } | null>(null);
  const [made, setMade] = useState<ExportSummary | null>(null);
  const [blocked, setBlocked] = useState<{ problems: PackageProblem[]; count: number } | null>(null);
  const [report, setReport] = useState<PackageReport | null>(null);
  // Blockers let through, each with the reason the user gave: sent with the next try, kept in the manifest.
  const [overrides, setOverrides] = useState<PackageOverride[]>([]);
  const [overriding, setOverriding] = useState<PackageProblem | null>(null);
  const [checking, setChecking] = useState(false);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'package';

  useEffect(() => {
    if (!job) return;
    return subscribeEvents((e) => {
      if (e.type === 'job-progress' && e.job === job) setProgress({ phase: e.phase, done: e.done, total: e.total });
    });
  }, [job]);

  // The register: what was made, what the receiving system accepted (the base of the next increment).
  const [register, setRegister] = useState<ExportRow[] | null>(null);
  const [accepting, setAccepting] = useState<ExportRow | null>(null);
  const reload = useCallback(() => {
    if (!can('exports.make') || demo) return;
    api.exports
      .list()
      .then(setRegister)
      .catch((e) => message.error(errorMessage(e)));
  }, [can, demo, message]);
  useEffect(reload, [reload]);
  const base = register?.find((r) => r.accepted) ?? null;

  const make = async (kind: ExportRow['kind']) => {
    const id = `export:${crypto.randomUUID()}`;
    setJob(id);
    setProgress({ phase: 'read', done: 0, total: 1 });
    setMade(null);
    setBlocked(null);
    try {
      setMade(await api.exports.create({ kind, job: id, overrides }));
      reload();
      // Said for this package: the next one asks again.
      setOverrides([]);
    } catch (e) {
      if (e instanceof AppError && e.code === 'EXPORT_BLOCKED')
        setBlocked(e.details as unknown as { problems: PackageProblem[]; count: number });
      else if (e instanceof AppError && e.code === 'JOB_CANCELLED') message.info(t('exports.cancelled'));
      else message.error(errorMessage(e));
    } finally {
      setJob(null);
      setProgress(null);
    }
  };
  const cancel = () => {
    if (job) void api.app.cancelJob({ job });
  };
  const verify = async (file: File) => {
    setChecking(true);
    setReport(null);
    try {
      setReport(await api.exports.verify({ file: await readAsUpload(file) }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setChecking(false);
    }
    return false;
  };

  return (
    <div className="page" data-testid="exports-page">
      <div className="page-header">
        <h2>{t('nav.exports')}</h2>
      </div>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('exports.intro')}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'package' ? {} : { tab: k }, { replace: true })}
        items={[
          {
            key: 'package',
            label: t('exports.tabs.package'),
            children: (
              <>
                <Card size="small" title={t('exports.make.title')} style={{ marginBottom: 16 }}>
                  {demo ? (
                    <Alert type="info" showIcon message={t('errors.DEMO_EXPORT_REFUSED')} />
                  ) : (
                    <Space direction="vertical" style={{ width: '100%' }}>
                      <Typography.Text>{t('exports.make.hint')}</Typography.Text>
                      <VolumeSetting />
                      <Typography.Text type="secondary" data-testid="export-base">
                        {base
                          ? t('exports.make.since', { name: base.name, on: base.accepted!.on })
                          : t('exports.make.noBase')}
                      </Typography.Text>
                      <Space>
                        <Button
                          type={base ? 'default' : 'primary'}
                          icon={<CloudUploadOutlined />}
                          loading={!!job}
                          disabled={!can('exports.make')}
                          onClick={() => void make('full')}
                          data-testid="export-full"
                        >
                          {t('exports.full.make')}
                        </Button>
                        <Button
                          type={base ? 'primary' : 'default'}
                          icon={<CloudUploadOutlined />}
                          loading={!!job}
                          disabled={!can('exports.make') || !base}
                          onClick={() => void make('incremental')}
                          data-testid="export-incremental"
                        >
                          {t('exports.incremental.make')}
                        </Button>
                        {job && (
                          <Button onClick={cancel} data-testid="export-cancel">
                            {t('common.cancel')}
                          </Button>
                        )}
                      </Space>
                      {progress && (
                        <div data-testid="export-progress">
                          <Typography.Text type="secondary">{tKey(`exports.phases.${progress.phase}`)}</Typography.Text>
                          <Progress
                            percent={progress.total ? Math.round((progress.done / progress.total) * 100) : 0}
                            status="active"
                          />
                        </div>
                      )}
                      {blocked && (
                        <>
                          <Problems
                            problems={blocked.problems}
                            count={blocked.count}
                            title={t('exports.blocked')}
                            overrides={overrides}
                            onOverride={setOverriding}
                          />
                          <Typography.Text type="secondary">{t('exports.blockedNext')}</Typography.Text>
                        </>
                      )}
                      {made && (
                        <Alert
                          type="success"
                          showIcon
                          data-testid="export-made"
                          message={t('exports.full.made', { name: made.name })}
                          description={
                            <Space direction="vertical" style={{ width: '100%' }}>
                              <Digests bytes={made.bytes} sha256={made.sha256} sm3={made.sm3} />
                              <VolumeList volumes={made.volumes ?? []} />
                              <Counts counts={made.manifest.counts} />
                              {Object.keys(made.manifest.removed).length > 0 && (
                                <Typography.Text>
                                  {t('exports.incremental.removed', {
                                    count: Object.values(made.manifest.removed).reduce((n, ids) => n + ids.length, 0),
                                  })}
                                </Typography.Text>
                              )}
                              <Typography.Text type="secondary">{t('exports.full.next')}</Typography.Text>
                              <Button
                                icon={<CloudDownloadOutlined />}
                                onClick={() => savePackage(made.name)}
                                data-testid="export-download"
                              >
                                {t('exports.full.download')}
                              </Button>
                            </Space>
                          }
                        />
                      )}
                    </Space>
                  )}
                </Card>
                {register && register.length > 0 && (
                  <Card size="small" title={t('exports.register.title')} style={{ marginBottom: 16 }}>
                    <Register rows={register} onAccept={setAccepting} />
                  </Card>
                )}
                <AcceptDialog
                  row={accepting}
                  onClose={() => setAccepting(null)}
                  onDone={() => {
                    setAccepting(null);
                    reload();
                  }}
                />
                <OverrideDialog
                  problem={overriding}
                  given={
                    overriding?.subject ? overrides.find((o) => o.subject === overriding.subject)?.reason : undefined
                  }
                  onClose={() => setOverriding(null)}
                  onSave={(o) => {
                    setOverrides((list) => [...list.filter((x) => x.subject !== o.subject), o]);
                    setOverriding(null);
                  }}
                />
              </>
            ),
          },
          { key: 'publications', label: t('exports.tabs.publications'), children: <PublicationsPanel /> },
          { key: 'typical', label: t('exports.tabs.typical'), children: <TypicalCasesPanel /> },
          ...(demo || !can('exports.make')
            ? []
            : [{ key: 'templates', label: t('exports.tabs.templates'), children: <TemplatesPanel /> }]),
          {
            key: 'verify',
            label: t('exports.tabs.verify'),
            children: (
              <Card size="small" title={t('exports.verify.title')}>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Typography.Text>{t('exports.verify.hint')}</Typography.Text>
                  <Upload accept=".zip" showUploadList={false} beforeUpload={(f) => verify(f)}>
                    <Button icon={<SafetyCertificateOutlined />} loading={checking} data-testid="export-verify">
                      {t('exports.verify.choose')}
                    </Button>
                  </Upload>
                  {report &&
                    (report.ok ? (
                      <Alert
                        type="success"
                        showIcon
                        data-testid="verify-report"
                        message={t('exports.verify.ok', { files: report.files, size: mib(report.bytes) })}
                        description={report.manifest && <Counts counts={report.manifest.counts} />}
                      />
                    ) : (
                      <div data-testid="verify-report">
                        <Problems
                          problems={report.problems}
                          count={report.problemCount}
                          title={t('exports.verify.failed')}
                        />
                      </div>
                    ))}
                </Space>
              </Card>
            ),
          },
        ]}
      />
    </div>
  );
}

/** The packages made, newest first: each one's kind, period, records, digests, and whether it was accepted. */
function Register({ rows, onAccept }: { rows: ExportRow[]; onAccept(r: ExportRow): void }) {
  const { t } = useTranslation();
  const savePackage = useSavePackage();
  return (
    <Table<ExportRow>
      size="small"
      rowKey="id"
      data-testid="export-register"
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      dataSource={rows}
      expandable={{
        expandedRowRender: (r) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Digests bytes={r.bytes} sha256={r.sha256} sm3={r.sm3} />
            <VolumeList volumes={r.volumes} />
            <Counts counts={r.counts} />
            {r.accepted?.note && <Typography.Text>{r.accepted.note}</Typography.Text>}
          </Space>
        ),
      }}
      columns={[
        {
          title: t('exports.register.name'),
          dataIndex: 'name',
          render: (v: string) => <span className="mono">{v}</span>,
        },
        {
          title: t('exports.register.kind'),
          dataIndex: 'kind',
          width: 70,
          render: (k: ExportRow['kind']) => tKey(`exports.kinds.${k}`),
        },
        {
          title: t('exports.register.period'),
          width: 170,
          render: (_, r) =>
            r.period.from ? t('exports.register.between', r.period) : t('exports.register.upTo', r.period),
        },
        {
          title: t('exports.register.records'),
          width: 90,
          render: (_, r) => {
            const n = Object.values(r.counts).reduce((a, b) => a + b, 0);
            return r.removed ? t('exports.register.withRemoved', { n, removed: r.removed }) : n;
          },
        },
        {
          title: t('exports.register.made'),
          width: 150,
          render: (_, r) => `${formatDateTime(r.createdAt)} ${r.createdBy}`,
        },
        {
          title: t('exports.register.accepted'),
          width: 130,
          render: (_, r) =>
            r.accepted ? (
              <Tag color="green" data-testid="export-accepted">
                {t('exports.register.acceptedOn', { on: r.accepted.on })}
              </Tag>
            ) : (
              <Typography.Text type="secondary">{t('exports.register.notAccepted')}</Typography.Text>
            ),
        },
        {
          title: t('common.actions'),
          width: 150,
          render: (_, r) => (
            <Space size="small">
              {r.onDisk && <a onClick={() => savePackage(r.name)}>{t('exports.register.download')}</a>}
              {r.acceptable && (
                <a onClick={() => onAccept(r)} data-testid="export-accept">
                  {t('exports.accept.action')}
                </a>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** Marks a package accepted by the receiving system, on the day it said so, with what it said. */
function AcceptDialog({ row, onClose, onDone }: { row: ExportRow | null; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [on, setOn] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setOn(today());
    setNote('');
  }, [row]);
  const save = async () => {
    if (!row) return;
    setBusy(true);
    try {
      await api.exports.accept({ id: row.id, on, note });
      message.success(t('exports.accept.done', { name: row.name }));
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!row}
      title={t('exports.accept.title')}
      onCancel={onClose}
      okText={t('exports.accept.ok')}
      confirmLoading={busy}
      okButtonProps={{ disabled: !on, 'data-testid': 'accept-ok' } as ButtonProps}
      onOk={() => void save()}
    >
      <Typography.Paragraph>{t('exports.accept.hint', { name: row?.name ?? '' })}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <span>{t('exports.accept.on')}</span>
        <DateField id="accept-on" value={on} past onChange={setOn} />
        <span>{t('exports.accept.note')}</span>
        <Input.TextArea
          rows={2}
          maxLength={500}
          showCount
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('exports.accept.placeholder')}
        />
      </Space>
    </Modal>
  );
}

function Counts({ counts }: { counts: Record<string, number> }) {
  return (
    <Descriptions size="small" column={3} bordered style={{ maxWidth: 720 }} data-testid="export-counts">
      {Object.entries(counts).map(([entity, n]) => (
        <Descriptions.Item key={entity} label={tKey(`exports.entities.${entity}`)}>
          {n}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** What stops a package, a line each, naming the record with a link to it where it has a page. */
function Problems({
  problems,
  count,
  title,
  overrides = [],
  onOverride,
}: {
  problems: PackageProblem[];
  count: number;
  title: string;
  overrides?: PackageOverride[];
  onOverride?: (p: PackageProblem) => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="export-problems"
      message={title}
      description={
        <>
          <List
            size="small"
            dataSource={problems}
            renderItem={(p) => {
              const to = p.record && PAGES[p.record.entity]?.(p.record.id);
              const entity = p.record && tKey(`exports.entities.${p.record.entity}`);
              const where = p.record
                ? p.label
                  ? `${entity} ${p.label}`
                  : t('exports.record', { entity, id: p.record.id })
                : [p.path, p.line].filter(Boolean).join(':');
              const given = p.subject ? overrides.find((o) => o.subject === p.subject) : undefined;
              return (
                <List.Item
                  data-testid="export-problem"
                  actions={
                    p.code === 'incomplete' && onOverride
                      ? [
                          <a key="o" onClick={() => onOverride(p)} data-testid="export-override">
                            {given ? t('exports.override.change') : t('exports.override.action')}
                          </a>,
                        ]
                      : []
                  }
                >
                  <span>
                    {to ? <Link to={to}>{where}</Link> : <span className="mono">{where}</span>}{' '}
                    {p.key ? tKey(p.key, p.params) : tKey(`exports.problems.${p.code}`, { detail: p.detail ?? '' })}
                    {given && (
                      <Typography.Text type="success">
                        {' '}
                        {t('exports.override.given', { reason: given.reason })}
                      </Typography.Text>
                    )}
                  </span>
                </List.Item>
              );
            }}
          />
          {count > problems.length && (
            <Typography.Text type="secondary">{t('exports.more', { count: count - problems.length })}</Typography.Text>
          )}
        </>
      }
    />
  );
}

/** Lets one blocker through: the reason is required, and it goes into the manifest and the audit log. */
function OverrideDialog({
  problem,
  given,
  onClose,
  onSave,
}: {
  problem: PackageProblem | null;
  /** The reason already given, to change. */
  given?: string;
  onClose(): void;
  onSave(o: PackageOverride): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  useEffect(() => setReason(given ?? ''), [problem, given]);
  const tooShort = reason.trim().length < 2;
  return (
    <Modal
      open={!!problem}
      title={t('exports.override.title')}
      onCancel={onClose}
      okText={t('exports.override.ok')}
      okButtonProps={{ disabled: tooShort, 'data-testid': 'override-ok' } as ButtonProps}
      onOk={() => problem?.subject && onSave({ code: 'incomplete', subject: problem.subject, reason: reason.trim() })}
    >
      <Typography.Paragraph>{t('exports.override.hint')}</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        maxLength={500}
        showCount
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('exports.override.placeholder')}
        data-testid="override-reason"
      />
    </Modal>
  );
}
