import { App, Button, Checkbox, Col, Drawer, Form, Input, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../../shared/entities/inspection.ts';
import type { Checklist } from '../../../../shared/entities/checklist.ts';
import { PLANNED_KINDS, type PlanStanding } from '../../../../shared/domain/plans/standing.ts';
import type { InspectionKind } from '../../../../shared/base/vocabulary.ts';
import { today } from '../../app/clock.ts';
import { formatDateTime } from '../format.ts';
import { PlanStandingNote } from './PlanStandingNote.tsx';
import { api } from '../../api/client.ts';
import { useDiscardGuard } from '../../app/discard.tsx';
import { errorMessage, showFieldErrors, clearErrorsOnChange } from '../../app/errors.ts';
import { DateTimeField, RowsField } from '../fields.tsx';
import { vocabOptions } from '../vocab.ts';
import { EnterpriseSelect, OfficerSelect } from '../pickers.tsx';

interface Props {
  open: boolean;
  inspection?: Inspection | null;
  enterpriseId?: number;
  /** Starting values for a new inspection (a 复查 names the inspection it re-checks). */
  defaults?: Partial<Inspection>;
  onClose(): void;
  onSaved(i: Inspection): void;
}

/** 现场检查 as it happened. Saving is always allowed; the rules apply when its record is issued. */
export function InspectionForm({ open, inspection, enterpriseId, defaults, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const close = useDiscardGuard(form, onClose);
  const [busy, setBusy] = useState(false);
  const [checklists, setChecklists] = useState<Checklist[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  const enterpriseId_ = Form.useWatch('enterpriseId', form) as number | undefined;
  const kind = Form.useWatch('kind', form) as InspectionKind | undefined;
  const startedAt = Form.useWatch('startedAt', form) as string | undefined;
  const year = Number((startedAt || today()).slice(0, 4));
  const [standing, setStanding] = useState<PlanStanding | null>(null);
  useEffect(() => {
    setStanding(null);
    if (!open || !enterpriseId_) return;
    let live = true;
    void api.plans
      .standing({ enterpriseId: enterpriseId_, year, ...(inspection ? { except: inspection.id } : {}) })
      .then((s) => {
        if (!live) return;
        setStanding(s);
        // A new inspection starts as what the plan says it is — unless the clerk chose its kind, or it was opened as
        // something else (a 复查 of an earlier inspection).
        if (inspection || defaults?.kind || form.getFieldValue('recheckOf') || form.isFieldTouched('kind')) return;
        if (!s.plan) return;
        if (s.plan.track === 'random' && s.draws.length)
          form.setFieldsValue({ kind: 'random', drawId: s.draws.at(-1)!.id });
        else form.setFieldsValue({ kind: 'plan', drawId: null });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // defaults is a fresh object each render of the parent; only its kind matters, read when the answer comes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, enterpriseId_, year, inspection, form]);
  useEffect(() => {
    void api.knowledge
      .checklists()
      .then(setChecklists)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    if (enterpriseId_)
      void api.enterprises
        .get({ id: enterpriseId_ })
        .then((e) => setCategories(e.categories))
        .catch(() => undefined);
  }, [enterpriseId_]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (inspection) form.setFieldsValue(inspection);
    else form.setFieldsValue({ ...defaults, ...(enterpriseId ? { enterpriseId } : {}) });
    // defaults is a fresh object each render of the parent; what matters is opening the drawer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, inspection, enterpriseId, form]);

  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const saved = inspection
        ? await api.inspections.update({ id: inspection.id, version: inspection.version, inspection: values })
        : await api.inspections.create(values);
      onSaved(saved);
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('validation.required') }];
  const refused = Form.useWatch('refusedToSign', form);
  return (
    <Drawer
      open={open}
      onClose={close}
      width={820}
      title={inspection ? t('inspection.editTitle') : t('inspection.createTitle')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="inspection-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        scrollToFirstError={{ block: 'center' }}
        initialValues={{ kind: 'plan', officerIds: [], experts: [], present: [], refusedToSign: false }}
      >
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="enterpriseId" label={t('inspection.enterprise')} rules={required}>
              <EnterpriseSelect testId="inspection-enterprise" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="kind" label={t('inspection.kind')}>
              <Select options={vocabOptions(t, 'inspectionKinds')} />
            </Form.Item>
          </Col>
        </Row>
        {standing && (
          <div style={{ marginBottom: 16 }}>
            <PlanStandingNote standing={standing} />
          </div>
        )}
        {kind === 'random' && (
          <Form.Item
            name="drawId"
            label={t('inspection.plan.drawId')}
            extra={t('inspection.plan.drawIdHint')}
            rules={standing?.plan && !inspection ? required : []}
          >
            <Select
              allowClear
              data-testid="inspection-draw"
              options={(standing?.draws ?? []).map((d) => ({
                value: d.id,
                label: t('inspection.plan.drawOption', { label: d.label, date: formatDateTime(d.drawnAt) }),
              }))}
            />
          </Form.Item>
        )}
        {kind && !PLANNED_KINDS.includes(kind) && kind !== 'recheck' && (
          <Form.Item
            name="unplannedReason"
            label={t('inspection.plan.unplannedReason')}
            extra={t('inspection.plan.unplannedHint')}
            // An inspection recorded before its year's plan was approved stays editable: the core judges a change.
            rules={
              standing?.plan && !inspection
                ? [...required, { min: 2, message: t('inspection.plan.reasonRequired') }]
                : []
            }
          >
            <Input maxLength={200} showCount data-testid="inspection-unplanned-reason" />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="startedAt" label={t('inspection.startedAt')} rules={required}>
              <DateTimeField past />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="endedAt" label={t('inspection.endedAt')}>
              <DateTimeField past />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="place" label={t('inspection.place')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="checklistId" label={t('inspection.checklist')} extra={t('inspection.checklistHint')}>
          <Select
            allowClear
            options={checklists
              .filter((c) => c.categories.some((k) => categories.includes(k)))
              .map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="officerIds" label={t('inspection.officers')} extra={t('inspection.officersHint')}>
          <OfficerSelect testId="inspection-officers" />
        </Form.Item>
        <RowsField
          name="present"
          label={t('inspection.present')}
          addLabel={t('inspection.addPresent')}
          blank={{ role: 'principal', name: '', post: '', phone: '' }}
        >
          {(row) => (
            <>
              <Form.Item name={[row, 'role']}>
                <Select style={{ width: 140 }} options={vocabOptions(t, 'presentRoles')} />
              </Form.Item>
              <Form.Item name={[row, 'name']} rules={required}>
                <Input placeholder={t('inspection.personName')} />
              </Form.Item>
              <Form.Item name={[row, 'post']}>
                <Input placeholder={t('inspection.personPost')} />
              </Form.Item>
              <Form.Item name={[row, 'phone']}>
                <Input placeholder={t('inspection.personPhone')} />
              </Form.Item>
            </>
          )}
        </RowsField>
        <RowsField
          name="experts"
          label={t('inspection.experts')}
          addLabel={t('inspection.addExpert')}
          blank={{ name: '', title: '', organisation: '' }}
        >
          {(row) => (
            <>
              <Form.Item name={[row, 'name']} rules={required}>
                <Input placeholder={t('inspection.personName')} />
              </Form.Item>
              <Form.Item name={[row, 'title']}>
                <Input placeholder={t('inspection.expertTitle')} />
              </Form.Item>
              <Form.Item name={[row, 'organisation']}>
                <Input placeholder={t('inspection.expertOrganisation')} />
              </Form.Item>
            </>
          )}
        </RowsField>
        <Form.Item name="recheckOf" hidden>
          <Input />
        </Form.Item>
        <Form.Item name="findings" label={t('inspection.findings')} extra={t('inspection.findingsHint')}>
          <Input.TextArea rows={8} maxLength={20_000} showCount data-testid="inspection-findings" />
        </Form.Item>
        <Form.Item name="refusedToSign" valuePropName="checked">
          <Checkbox>{t('inspection.refusedToSign')}</Checkbox>
        </Form.Item>
        {refused && (
          <Form.Item name="refusalNote" label={t('inspection.refusalNote')}>
            <Input />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
