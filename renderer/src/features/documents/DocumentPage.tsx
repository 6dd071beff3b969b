import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  EyeOutlined,
  FilePdfOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Result,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmFinal } from '../../app/ConfirmFinal.tsx';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { TEMPLATES } from '../../../../shared/documents/registry.ts';
import { AppError, type ValidationIssue } from '../../../../shared/base/errors.ts';
import type { DocumentDetail } from '../../../../shared/entities/document.ts';
import type { Officer } from '../../../../shared/entities/officer.ts';
import { api } from '../../api/client.ts';
import { errorMessage, showFieldErrors, clearErrorsOnChange } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { tKey } from '../../i18n.ts';
import { DateTimeField } from '../fields.tsx';
import { readAsUpload, saveDownload } from '../files.ts';
import { formatDateTime } from '../format.ts';
import { vocabLabel, vocabOptions, documentTypeLabel } from '../vocab.ts';
import { STATUS_COLORS } from './DocumentList.tsx';
import { usePrintPreview } from '../../app/PrintPreview.tsx';
import { IssuedPdf } from './IssuedPdf.tsx';
import { DocumentFields, fieldLabelOf, recordValues } from './forms/DocumentFields.tsx';
import { useCrumbs } from '../../app/crumbs.tsx';

/** Rows compared without the clerk's own words (a row's facts), which the record never changes. */
const stripFacts = (v: unknown): unknown =>
  Array.isArray(v) ? v.map((r) => (r && typeof r === 'object' ? { ...(r as object), facts: undefined } : r)) : v;

const AUTOSAVE_MS = 1200;

export function DocumentPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  // A link to one of its fields (a review finding) opens the fields; otherwise an issued document opens as printed.
  const [view, setView] = useState<'pdf' | 'form'>(params.get('field') ? 'form' : 'pdf');
  const [doc, setDoc] = useState<DocumentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const openPreview = usePrintPreview();
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  /** 签发 asked for and nothing in its way: the number it would take, awaiting the clerk's confirmation. */
  const [confirming, setConfirming] = useState<{ number: string | null } | null>(null);
  const [checking, setChecking] = useState(false);
  const [saving, setSaving] = useState<'idle' | 'pending' | 'saved'>('idle');
  const [dialog, setDialog] = useState<'serve' | 'correct' | 'void' | null>(null);
  const [form] = Form.useForm();
  const version = useRef(0);
  const timer = useRef<number | null>(null);

  const load = useCallback(async () => {
    try {
      const d = await api.documents.get({ id });
      version.current = d.version;
      setDoc(d);
      form.setFieldsValue(d.fields);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id, form]);
  useEffect(() => {
    void load();
  }, [load]);

  /** A field address (officers.1) from the review engine or a rule message opens here focused. */
  const focus = useCallback(
    (path: (string | number)[]) => {
      const name = path[0] === 'fields' ? path.slice(1) : path;
      if (!name.length) return;
      const target =
        name.length === 2 && typeof name[1] === 'number' && name[0] === 'officers' ? [...name, 'name'] : name;
      form.scrollToField(target, { behavior: 'smooth', block: 'center', focus: true });
    },
    [form],
  );
  useEffect(() => {
    const field = params.get('field');
    if (doc && field) setTimeout(() => focus(field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))), 300);
  }, [doc, params, focus]);

  const save = useCallback(async () => {
    if (timer.current) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    const d = await api.documents.save({ id, version: version.current, fields: form.getFieldsValue(true) });
    version.current = d.version;
    // What the record decided comes back with the save: shown as it will print. A row's facts are the clerk's words,
    // so rows are replaced only where the record changed one of its own columns.
    const templateForm = TEMPLATES[d.type]?.form;
    if (templateForm)
      for (const [name, value] of recordValues(templateForm, d.fields as Record<string, unknown>))
        if (JSON.stringify(stripFacts(form.getFieldValue(name))) !== JSON.stringify(stripFacts(value)))
          form.setFieldValue(name, value);
    setDoc((prev) => (prev ? { ...prev, version: d.version, updatedAt: d.updatedAt } : d));
    setSaving('saved');
  }, [id, form]);

  const clearFixed = clearErrorsOnChange(form);
  const onChange = (changed: Record<string, unknown>) => {
    clearFixed(changed);
    setSaving('pending');
    if (timer.current) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      // Too long a text is said at its field (the form's count shows the limit), without pulling the view away from
      // where the clerk is typing; anything else on its own.
      void save().catch((e) => {
        if (!showFieldErrors(form, e, ['fields'], { scroll: false })) message.error(errorMessage(e));
      });
    }, AUTOSAVE_MS);
  };
  useEffect(
    () => () => {
      if (timer.current) window.clearTimeout(timer.current);
    },
    [],
  );

  useCrumbs(
    doc && [
      ...(doc.caseId
        ? [{ label: t('crumbs.caseOf', { enterprise: doc.enterpriseName ?? '' }), to: `/cases/${doc.caseId}` }]
        : doc.inspectionId
          ? [
              {
                label: t('crumbs.inspectionOf', { enterprise: doc.enterpriseName ?? '' }),
                to: `/inspections/${doc.inspectionId}`,
              },
            ]
          : []),
      { label: [documentTypeLabel(t, doc.type, doc.typeName), doc.numberText].filter(Boolean).join(' ') },
    ],
  );
  if (error)
    return (
      <Result
        status="404"
        title={error}
        extra={<Button onClick={() => navigate('/documents')}>{t('nav.documents')}</Button>}
      />
    );
  if (!doc) return <Spin style={{ margin: 48 }} />;

  const draft = doc.status === 'draft';
  const layout = TEMPLATES[doc.type]?.form;
  const run = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      if (!showFieldErrors(form, e, ['fields'])) message.error(errorMessage(e));
    }
  };

  const preview = () =>
    run(async () => {
      if (draft) await save();
      openPreview(() => api.documents.preview({ id }), documentTypeLabel(t, doc.type, doc.typeName));
    });
  // 签发 in two steps: what stands in the way is shown at once; otherwise the clerk confirms, seeing the number it takes.
  /** Refusals that list what stands in the way: shown in the 不能签发 list and at their fields. */
  const refusedWith = (e: unknown) =>
    e instanceof AppError && (e.code === 'DOCUMENT_NOT_ISSUABLE' || e.code === 'VALIDATION') && e.details?.issues
      ? e.details.issues
      : null;
  const issue = () =>
    run(async () => {
      if (checking || confirming) return;
      setChecking(true);
      setIssues([]);
      try {
        await save();
        const check = await api.documents.check({ id });
        if (check.issues.length) showIssues(check.issues);
        else setConfirming({ number: check.number });
      } catch (e) {
        const listed = refusedWith(e);
        if (listed) showIssues(listed);
        else throw e;
      } finally {
        setChecking(false);
      }
    });
  const confirmIssue = async () => {
    try {
      const issued = await api.documents.issue({ id, version: version.current });
      const shown = confirming?.number;
      setConfirming(null);
      setIssues([]);
      setDoc(issued);
      // Another issue took the number shown meanwhile: the one taken is said plainly.
      if (shown && issued.numberText && issued.numberText !== shown)
        message.warning(t('document.issuedOtherNumber', { number: issued.numberText, shown }));
      else
        message.success(
          issued.numberText ? t('document.issuedAs', { number: issued.numberText }) : t('document.issuedUnnumbered'),
        );
    } catch (e) {
      const listed = refusedWith(e);
      if (listed) {
        setConfirming(null);
        showIssues(listed);
      } else if (e instanceof AppError && (e.code === 'STALE_VERSION' || e.code === 'DOCUMENT_FROZEN')) {
        // Someone else saved or issued it meanwhile: retrying cannot help; the page shows it as it now is.
        setConfirming(null);
        message.error(errorMessage(e));
        await load();
      } else throw e;
    }
  };
  /** An issue as the list says it: the field it is about named first, so "必填" never stands alone. */
  const issueText = (i: ValidationIssue) => {
    const path = i.path[0] === 'fields' ? i.path.slice(1) : i.path;
    const field = layout ? fieldLabelOf(layout, path) : null;
    const said = tKey(i.key, i.params);
    return field ? t('common.fieldIssue', { field, issue: said }) : said;
  };
  const showIssues = (list: ValidationIssue[]) => {
    setIssues(list);
    showFieldErrors(
      form,
      new AppError('DOCUMENT_NOT_ISSUABLE', {
        issues: list.map((i) => ({ ...i, path: i.path[0] === 'fields' ? i.path.slice(1) : i.path })),
      }),
    );
  };

  return (
    <div className="page">
      <ConfirmFinal
        open={!!confirming}
        title={t('document.issueConfirmTitle', { type: documentTypeLabel(t, doc.type, doc.typeName) })}
        number={confirming?.number}
        consequences={[
          t('document.issueFinalFields'),
          ...(confirming?.number ? [t('document.issueFinalNumber')] : []),
          t('document.issueFinalCorrection'),
        ]}
        okText={t('document.issue')}
        onConfirm={confirmIssue}
        onCancel={() => setConfirming(null)}
      />
      <div className="page-header">
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            // Back to what the document belongs to: its case, else its inspection, else the list.
            onClick={() =>
              navigate(
                doc.caseId
                  ? `/cases/${doc.caseId}`
                  : doc.inspectionId
                    ? `/inspections/${doc.inspectionId}`
                    : '/documents',
              )
            }
          />
          <h2>{documentTypeLabel(t, doc.type, doc.typeName)}</h2>
          <Tag color={STATUS_COLORS[doc.status]}>{t(`document.statuses.${doc.status}`)}</Tag>
          {doc.numberText && (
            <Typography.Text strong data-testid="document-number">
              {doc.numberText}
            </Typography.Text>
          )}
          {draft && saving !== 'idle' && (
            <Typography.Text type="secondary">
              {saving === 'pending' ? t('document.saving') : t('document.autosaved')}
            </Typography.Text>
          )}
        </Space>
        <Space wrap>
          <Button icon={<EyeOutlined />} onClick={() => void preview()} data-testid="document-preview">
            {draft ? t('document.preview') : t('document.view')}
          </Button>
          {!draft && (
            <Button
              icon={<FilePdfOutlined />}
              onClick={() => void run(async () => saveDownload(await api.documents.pdf({ id })))}
              data-testid="document-download"
            >
              {t('document.download')}
            </Button>
          )}
          {draft && can('documents.issue') && (
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              onClick={() => void issue()}
              loading={checking}
              data-testid="document-issue"
            >
              {t('document.issue')}
            </Button>
          )}
          {doc.status === 'issued' && can('documents.write') && (
            <>
              <Button icon={<SendOutlined />} onClick={() => setDialog('serve')}>
                {t('document.serve')}
              </Button>
              {!doc.hasScan && (
                <Upload
                  showUploadList={false}
                  accept=".pdf,.jpg,.jpeg,.png"
                  beforeUpload={(file) => {
                    void run(async () =>
                      setDoc(await api.documents.attachScan({ id, file: await readAsUpload(file) })),
                    );
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />}>{t('document.attachScan')}</Button>
                </Upload>
              )}
              {!doc.supersededById && <Button onClick={() => setDialog('correct')}>{t('document.correct')}</Button>}
            </>
          )}
          {doc.status === 'issued' && can('documents.issue') && (
            <Button danger onClick={() => setDialog('void')}>
              {t('document.void')}
            </Button>
          )}
        </Space>
      </div>
      {doc.supersedesId && (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          message={t('document.correctionOf', { reason: doc.correctionReason })}
          action={
            <Button size="small" onClick={() => navigate(`/documents/${doc.supersedesId}`)}>
              {t('document.openOriginal')}
            </Button>
          }
        />
      )}
      {doc.supersededById && (
        <Alert
          type="warning"
          style={{ marginBottom: 12 }}
          message={t('document.supersededBy')}
          action={
            <Button size="small" onClick={() => navigate(`/documents/${doc.supersededById}`)}>
              {t('document.openCorrection')}
            </Button>
          }
        />
      )}
      {doc.status === 'voided' && (
        <Alert
          type="error"
          style={{ marginBottom: 12 }}
          message={t('document.voidedBecause', { reason: doc.voidReason })}
        />
      )}
      {issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('document.notIssuable')}
          data-testid="issue-problems"
          description={
            <List
              size="small"
              dataSource={issues}
              renderItem={(i) => (
                <List.Item>
                  <Typography.Link onClick={() => focus(i.path)}>{issueText(i)}</Typography.Link>
                </List.Item>
              )}
            />
          }
        />
      )}
      <Row gutter={16}>
        <Col span={draft ? 24 : 14}>
          {/* Issued: the PDF as printed is what the page shows; the fields it was made from are one click away. */}
          {!draft && (
            <Segmented
              style={{ marginBottom: 8 }}
              value={view}
              onChange={(v) => setView(v as 'pdf' | 'form')}
              options={[
                { value: 'pdf', label: t('document.issuedPdf') },
                { value: 'form', label: t('document.issuedFields') },
              ]}
              data-testid="issued-view"
            />
          )}
          {!draft && view === 'pdf' && <IssuedPdf id={doc.id} sha256={doc.pdfSha256} />}
          <Card size="small" hidden={!draft && view === 'pdf'}>
            <Form form={form} layout="vertical" disabled={!draft || !can('documents.write')} onValuesChange={onChange}>
              {layout ? (
                <DocumentFields layout={layout} schema={TEMPLATES[doc.type]?.fields} editing={draft} />
              ) : (
                <Alert type="warning" message={t('document.noForm')} />
              )}
            </Form>
          </Card>
        </Col>
        {!draft && (
          <Col span={10}>
            <Card size="small" title={t('document.record')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('document.issuedAt')}>
                  {formatDateTime(doc.issuedAt)}（{doc.issuedBy}）
                </Descriptions.Item>
                <Descriptions.Item label="SHA-256">
                  <Typography.Text className="mono" copyable>
                    {doc.pdfSha256?.slice(0, 16)}…
                  </Typography.Text>
                </Descriptions.Item>
                {doc.scanName && <Descriptions.Item label={t('document.scan')}>{doc.scanName}</Descriptions.Item>}
              </Descriptions>
              <List
                size="small"
                header={t('document.services')}
                dataSource={doc.services}
                locale={{ emptyText: t('document.notServed') }}
                renderItem={(s) => (
                  <List.Item>
                    {formatDateTime(s.servedAt)} · {vocabLabel(t, 'serviceMethods', s.method)} ·{' '}
                    {s.refused
                      ? t('document.refusedWitness', { witness: s.witness, officers: s.officerNames.join('、') })
                      : s.recipient}{' '}
                    {s.place}
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        )}
      </Row>
      <ServeDialog
        open={dialog === 'serve'}
        onClose={() => setDialog(null)}
        onDone={async (service) => {
          setDoc(await api.documents.serve({ id, service }));
          setDialog(null);
        }}
      />
      <ReasonDialog
        open={dialog === 'correct'}
        title={t('document.correctTitle')}
        text={t('document.correctText')}
        onClose={() => setDialog(null)}
        onDone={async (reason) => {
          const c = await api.documents.correct({ id, reason });
          setDialog(null);
          navigate(`/documents/${c.id}`);
        }}
      />
      <ReasonDialog
        open={dialog === 'void'}
        title={t('document.voidTitle')}
        text={t('document.voidText')}
        danger
        onClose={() => setDialog(null)}
        onDone={async (reason) => {
          setDoc(await api.documents.void({ id, reason }));
          setDialog(null);
        }}
      />
    </div>
  );
}

function ReasonDialog({
  open,
  title,
  text,
  danger,
  onClose,
  onDone,
}: {
  open: boolean;
  title: string;
  text: string;
  danger?: boolean;
  onClose(): void;
  onDone(reason: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const ok = async () => {
    const { reason } = await form.validateFields();
    try {
      await onDone(reason);
      form.resetFields();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => void ok()}
      okButtonProps={{ danger }}
      destroyOnHidden
    >
      <p>{text}</p>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('document.reason')}
          rules={[{ required: true, min: 2, message: t('validation.reasonRequired') }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ServiceValues = Parameters<typeof api.documents.serve>[0] extends infer I
  ? I extends { service: infer S }
    ? S
    : never
  : never;

function ServeDialog({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose(): void;
  onDone(s: ServiceValues): Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [officers, setOfficers] = useState<Officer[]>([]);
  useEffect(() => {
    if (open)
      void api.officers
        .list({ includeOffDuty: false })
        .then(setOfficers)
        .catch((e) => message.error(errorMessage(e)));
  }, [open, message]);
  const refused = Form.useWatch('refused', form);
  const ok = async () => {
    const values = await form.validateFields();
    try {
      await onDone(values);
      form.resetFields();
    } catch (e) {
      if (!showFieldErrors(form, e, ['service'])) message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      open={open}
      title={t('document.serveTitle')}
      onCancel={onClose}
      onOk={() => void ok()}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={{ method: 'direct', refused: false, officerIds: [] }}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="method" label={t('document.method')}>
              <Select options={vocabOptions(t, 'serviceMethods')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="servedAt"
              label={t('document.servedAt')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DateTimeField past />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="place" label={t('document.servePlace')}>
          <Input />
        </Form.Item>
        <Form.Item name="refused" valuePropName="checked">
          <Checkbox>{t('document.refused')}</Checkbox>
        </Form.Item>
        {refused ? (
          <>
            <Form.Item name="witness" label={t('document.witness')}>
              <Input />
            </Form.Item>
            <Form.Item name="officerIds" label={t('document.serveOfficers')}>
              <Select mode="multiple" options={officers.map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="recipient" label={t('document.recipient')}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('document.note')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
