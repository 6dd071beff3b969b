import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseEventKind } from '../../../../shared/entities/case.ts';
import { api } from '../../api/client.ts';
import { errorMessage, showFieldErrors, clearErrorsOnChange } from '../../app/errors.ts';
import { DateField } from '../fields.tsx';
import { readAsUpload } from '../files.ts';
import { tKey } from '../../i18n.ts';

type Input = 'text' | 'textarea' | 'date' | 'checkbox' | 'yuan' | 'integer' | 'list' | { options: string[] } | 'party';
/** What each kind of case event asks for, in the order of the paper it records. */
const FIELDS: Partial<Record<CaseEventKind, [string, Input][]>> = {
  'legal-review': [
    ['date', 'date'],
    ['name', 'text'],
    ['post', 'text'],
    ['result', { options: ['pass', 'change', 'fail'] }],
    ['opinion', 'textarea'],
  ],
  'collective-discussion': [
    ['date', 'date'],
    ['chair', 'text'],
    ['attendees', 'list'],
    ['minutes', 'textarea'],
    ['conclusion', 'textarea'],
  ],
  statement: [
    ['date', 'date'],
    ['party', 'party'],
    ['waived', 'checkbox'],
    ['waivesHearing', 'checkbox'],
    ['content', 'textarea'],
    ['adopted', 'checkbox'],
    ['reply', 'textarea'],
  ],
  'hearing-request': [
    ['date', 'date'],
    ['party', 'party'],
    ['note', 'text'],
  ],
  hearing: [
    ['date', 'date'],
    ['party', 'party'],
    ['chair', 'text'],
    ['attended', 'checkbox'],
  ],
  'transfer-answer': [
    ['date', 'date'],
    ['organ', 'text'],
    ['result', { options: ['accepted', 'declined'] }],
    ['note', 'textarea'],
  ],
  payment: [
    ['date', 'date'],
    ['party', 'party'],
    ['amount', 'yuan'],
    ['receiptNo', 'text'],
    ['note', 'text'],
  ],
  'court-application': [
    ['date', 'date'],
    ['party', 'party'],
    ['court', 'text'],
    ['note', 'textarea'],
  ],
  publication: [
    ['date', 'date'],
    ['where', 'text'],
  ],
  'summary-filed': [
    ['date', 'date'],
    ['party', 'party'],
    ['filedWith', 'text'],
  ],
  'publication-withdrawn': [
    ['date', 'date'],
    ['where', 'text'],
  ],
  archive: [
    ['date', 'date'],
    ['archiveNo', 'text'],
    ['retention', { options: ['永久', '30年', '10年'] }],
  ],
  remedy: [
    ['date', 'date'],
    ['remedy', { options: ['review', 'litigation'] }],
    ['organ', 'text'],
    ['outcome', { options: ['pending', 'upheld', 'revoked', 'changed', 'withdrawn'] }],
    ['note', 'textarea'],
  ],
  enforcement: [
    ['date', 'date'],
    ['party', 'party'],
    ['result', 'textarea'],
  ],
  borrow: [
    ['date', 'date'],
    ['borrower', 'text'],
    ['purpose', 'text'],
    ['approvedBy', 'text'],
    ['returnedOn', 'date'],
  ],
  'cash-handed-in': [
    ['date', 'date'],
    ['party', 'party'],
    ['amount', 'yuan'],
    ['receivedBy', 'text'],
  ],
  'closure-request': [
    ['date', 'date'],
    ['government', 'text'],
    ['note', 'textarea'],
  ],
  'transfer-assessment': [
    ['date', 'date'],
    ['conclusion', { options: ['transfer', 'not-transfer'] }],
    ['reasoning', 'textarea'],
    ['approvedBy', 'text'],
  ],
  'pre-investigation': [
    ['date', 'date'],
    ['reason', 'textarea'],
    ['approvedBy', 'text'],
  ],
  recusal: [
    ['date', 'date'],
    ['officer', 'text'],
    ['applicant', { options: ['party', 'officer'] }],
    ['reason', 'textarea'],
    ['decidedBy', 'text'],
    ['granted', 'checkbox'],
  ],
  'refused-correction': [
    ['date', 'date'],
    ['party', 'party'],
    ['orderedOn', 'date'],
    ['note', 'textarea'],
  ],
  corrected: [
    ['date', 'date'],
    ['party', 'party'],
    ['note', 'text'],
  ],
};
/** Signed paper (the legal opinion, the head's approvals) may come with its scan; approval forms have their own panel. */
const WITH_SCAN = new Set<CaseEventKind>([
  'legal-review',
  'collective-discussion',
  'hearing',
  'transfer-answer',
  'court-application',
  'recusal',
  'cash-handed-in',
  'pre-investigation',
  'transfer-assessment',
  'closure-request',
]);

/** The scan of the signed paper a record may come with: one PDF or picture, kept until the record is saved. */
export function SignedScanUpload({ onChange }: { onChange(file: File | null): void }) {
  const { t } = useTranslation();
  return (
    <Upload
      accept=".pdf,.jpg,.jpeg,.png"
      maxCount={1}
      beforeUpload={(f) => {
        onChange(f);
        return false;
      }}
      onRemove={() => onChange(null)}
    >
      <Button icon={<UploadOutlined />}>{t('cases.attachSignedScan')}</Button>
    </Upload>
  );
}

export interface EventDraft {
  kind: CaseEventKind;
  values?: Record<string, unknown>;
}

/** Each opening is a fresh form with its initial values, so nothing resets what the user has begun to type. */
export function EventDialog(props: {
  kase: CaseDetail;
  draft: EventDraft | null;
  onClose(): void;
  onSaved(c: CaseDetail): void;
}) {
  return props.draft ? <EventForm {...props} draft={props.draft} /> : null;
}

function EventForm({
  kase,
  draft,
  onClose,
  onSaved,
}: {
  kase: CaseDetail;
  draft: EventDraft;
  onClose(): void;
  onSaved(c: CaseDetail): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [scan, setScan] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  // Whom the step concerns is asked only where persons are fined beside the unit.
  const fields = (FIELDS[draft.kind] ?? []).filter(([, input]) => input !== 'party' || kase.persons.length > 0);

  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const upload = scan ? await readAsUpload(scan) : undefined;
      const clean = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
      if (typeof clean.attendees === 'string') clean.attendees = clean.attendees.split(/[、,，\s]+/).filter(Boolean);
      const saved =
        draft.kind === 'legal-review'
          ? await api.cases.legalReview({ id: kase.id, review: clean as never, scan: upload })
          : await api.cases.record({ id: kase.id, event: { kind: draft.kind, ...clean } as never, scan: upload });
      onSaved(saved);
    } catch (e) {
      if (!showFieldErrors(form, e, draft.kind === 'legal-review' ? ['review'] : ['event']))
        message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const label = (name: string) => tKey(`cases.eventFields.${name}`);
  const control = (name: string, input: Input) => {
    if (input === 'date') return <DateField past />;
    if (input === 'textarea') return <Input.TextArea rows={3} />;
    if (input === 'integer') return <InputNumber min={1} max={12} precision={0} />;
    if (input === 'yuan') return <InputNumber min={1} precision={0} addonAfter="元" style={{ width: '100%' }} />;
    if (input === 'list') return <Input placeholder={t('cases.attendeesHint')} />;
    if (input === 'party')
      return (
        <Select
          options={[
            { value: 'unit', label: kase.unit.name },
            ...kase.persons.map((p, i) => ({ value: i, label: p.name })),
          ]}
        />
      );
    if (typeof input === 'object')
      return (
        <Select options={input.options.map((o) => ({ value: o, label: tKey(`cases.eventOptions.${name}.${o}`) }))} />
      );
    return <Input />;
  };
  return (
    <Modal
      open
      onCancel={onClose}
      title={tKey(`cases.events.${draft.kind}`)}
      width={620}
      destroyOnHidden
      footer={[
        <Button key="c" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="s" type="primary" loading={busy} onClick={() => void save()} data-testid="event-save">
          {t('common.save')}
        </Button>,
      ]}
    >
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        data-testid={`event-${draft.kind}`}
        initialValues={{ approved: true, attended: true, granted: true, party: 'unit', ...draft.values }}
      >
        {fields.map(([name, input]) =>
          input === 'checkbox' ? (
            <Form.Item key={name} name={name} valuePropName="checked">
              <Checkbox>{label(name)}</Checkbox>
            </Form.Item>
          ) : (
            <Form.Item
              key={name}
              name={name}
              label={label(name)}
              rules={name === 'date' ? [{ required: true, message: t('validation.required') }] : undefined}
            >
              {control(name, input)}
            </Form.Item>
          ),
        )}
        {WITH_SCAN.has(draft.kind) && <SignedScanUpload onChange={setScan} />}
      </Form>
    </Modal>
  );
}
