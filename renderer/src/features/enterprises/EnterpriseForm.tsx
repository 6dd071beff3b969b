import { Alert, App, AutoComplete, Button, Col, Drawer, Form, Input, Row, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndustryEntry } from '../../../../shared/api/contract.ts';
import { checkUscc } from '../../../../shared/base/uscc.ts';
import type { Enterprise } from '../../../../shared/entities/enterprise.ts';
import { api } from '../../api/client.ts';
import { useDiscardGuard } from '../../app/discard.tsx';
import { errorMessage, showFieldErrors, clearErrorsOnChange } from '../../app/errors.ts';
import { tKey } from '../../i18n.ts';
import { RowsField } from '../fields.tsx';
import { UnprintableAlert } from '../UnprintableAlert.tsx';
import { vocabOptions } from '../vocab.ts';

interface Props {
  open: boolean;
  enterprise?: Enterprise | null;
  onClose(): void;
  onSaved(e: Enterprise): void;
}

let industriesCache: Promise<IndustryEntry[]> | null = null;

export function EnterpriseForm({ open, enterprise, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const close = useDiscardGuard(form, onClose);
  const [busy, setBusy] = useState(false);
  const [industries, setIndustries] = useState<IndustryEntry[]>([]);
  const [townships, setTownships] = useState<string[]>([]);
  const uscc: string | undefined = Form.useWatch('uscc', form);

  useEffect(() => {
    if (!open) return;
    industriesCache ??= api.knowledge.industries();
    void industriesCache.then(setIndustries).catch(() => {
      industriesCache = null;
    });
    void api.enterprises
      .townships()
      .then(setTownships)
      .catch(() => undefined);
    form.resetFields();
    if (enterprise) form.setFieldsValue(enterprise);
  }, [open, enterprise, form]);

  // Checked as the clerk types, with the same rule the core applies on save.
  const usccCheck = useMemo(() => (uscc && uscc.trim().length >= 18 ? checkUscc(uscc) : null), [uscc]);

  const industryOptions = useMemo(
    () =>
      industries
        .filter((i) => i.level !== 'section')
        .map((i) => ({
          value: i.code,
          label: `${i.code} ${i.name}`,
        })),
    [industries],
  );

  // What the documents print about the enterprise: a character they cannot print is said here, not at the first 签发.
  const printed = useMemo(
    () =>
      (['name', 'legalRepresentative', 'principal', 'township', 'address'] as const).map((name) => ({
        name,
        label: t(`enterprise.${name}`),
      })),
    [t],
  );

  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const saved = enterprise
        ? await api.enterprises.update({ id: enterprise.id, version: enterprise.version, enterprise: values })
        : await api.enterprises.create(values);
      message.success(t('enterprise.saved'));
      onSaved(saved);
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Drawer
      open={open}
      onClose={close}
      width={760}
      title={enterprise ? t('enterprise.editTitle') : t('enterprise.createTitle')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="enterprise-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        initialValues={{
          enforcementLevel: 'county',
          standardizationGrade: 'none',
          creditStatus: 'normal',
          categories: [],
          contacts: [],
        }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="uscc"
              label={t('enterprise.uscc')}
              rules={required}
              validateStatus={usccCheck?.error ? 'error' : undefined}
              help={usccCheck?.error ? tKey(usccCheck.error, { expected: usccCheck.expected }) : undefined}
            >
              <Input className="mono" maxLength={24} data-testid="field-uscc" />
            </Form.Item>
            {usccCheck?.suggestion && (
              <Alert
                type="info"
                showIcon
                style={{ marginTop: -12, marginBottom: 12 }}
                message={t('enterprise.usccSuggestion', { suggestion: usccCheck.suggestion })}
              />
            )}
            {usccCheck &&
              !usccCheck.error &&
              usccCheck.warnings.map((w) => (
                <Alert key={w} type="warning" showIcon style={{ marginTop: -12, marginBottom: 12 }} message={tKey(w)} />
              ))}
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t('enterprise.name')} rules={required}>
              <Input data-testid="field-name" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="legalRepresentative" label={t('enterprise.legalRepresentative')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="principal" label={t('enterprise.principal')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="township" label={t('enterprise.township')}>
              <AutoComplete
                options={townships.map((x) => ({ value: x }))}
                filterOption={(input, o) => String(o?.value ?? '').includes(input)}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('enterprise.address')}>
          <Input />
        </Form.Item>
        <UnprintableAlert form={form} fields={printed} />
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="industryCode" label={t('enterprise.industryCode')}>
              <AutoComplete
                options={industryOptions}
                filterOption={(input, o) => String(o?.label ?? '').includes(input)}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="categories" label={t('enterprise.categories')}>
              <Select mode="multiple" options={vocabOptions(t, 'categories')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="enforcementLevel" label={t('enterprise.enforcementLevel')}>
              <Select options={vocabOptions(t, 'levels')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="standardizationGrade" label={t('enterprise.standardizationGrade')}>
              <Select options={vocabOptions(t, 'grades')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="riskGrade" label={t('enterprise.riskGrade')}>
              <Select allowClear options={vocabOptions(t, 'risks')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="creditStatus" label={t('enterprise.creditStatus')}>
              <Select options={vocabOptions(t, 'credit')} />
            </Form.Item>
          </Col>
        </Row>
        <RowsField
          name="contacts"
          label={t('enterprise.contacts')}
          addLabel={t('enterprise.addContact')}
          blank={{ name: '', role: '', phone: '' }}
        >
          {(row) => (
            <>
              <Form.Item name={[row, 'name']} rules={required}>
                <Input placeholder={t('enterprise.contactName')} />
              </Form.Item>
              <Form.Item name={[row, 'role']}>
                <Input placeholder={t('enterprise.contactRole')} />
              </Form.Item>
              <Form.Item name={[row, 'phone']}>
                <Input placeholder={t('enterprise.contactPhone')} />
              </Form.Item>
            </>
          )}
        </RowsField>
        <Form.Item
          name="accidentHistory"
          label={t('enterprise.accidentHistory')}
          extra={t('enterprise.accidentHistoryHint')}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="notes" label={t('enterprise.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
