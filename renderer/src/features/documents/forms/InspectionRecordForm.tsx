import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Form, Input, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Officer } from '../../../../../shared/entities/officer.ts';
import { api } from '../../../api/client.ts';
import { DateField, DateTimeField } from '../../fields.tsx';

/** The fields of a 现场检查记录, in the order they print. */
export function InspectionRecordForm() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const [roster, setRoster] = useState<Officer[]>([]);
  useEffect(() => { void api.officers.list({ includeOffDuty: true }).then(setRoster).catch(() => undefined); }, []);
  const refused = Form.useWatch('refusedToSign', form);
  const pick = (index: number, officerId: number) => {
    const o = roster.find((x) => x.id === officerId);
    if (o) form.setFieldValue(['officers', index], { officerId: o.id, name: o.name, certificateNo: o.certificateNo });
  };
  return (
    <>
      <Row gutter={16}>
        <Col span={12}><Form.Item name="enterpriseName" label={t('docFields.enterpriseName')}><Input /></Form.Item></Col>
        <Col span={12}><Form.Item name="address" label={t('docFields.address')}><Input /></Form.Item></Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}><Form.Item name="representative" label={t('docFields.representative')}><Input /></Form.Item></Col>
        <Col span={8}><Form.Item name="representativePost" label={t('docFields.representativePost')}><Input /></Form.Item></Col>
        <Col span={8}><Form.Item name="phone" label={t('docFields.phone')}><Input /></Form.Item></Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}><Form.Item name="place" label={t('docFields.place')}><Input /></Form.Item></Col>
        <Col span={8}><Form.Item name="startedAt" label={t('docFields.startedAt')}><DateTimeField /></Form.Item></Col>
        <Col span={8}><Form.Item name="endedAt" label={t('docFields.endedAt')}><DateTimeField /></Form.Item></Col>
      </Row>
      <Row gutter={16}>
        <Col span={16}><Form.Item name="agency" label={t('docFields.agency')}><Input /></Form.Item></Col>
        <Col span={8}><Form.Item name="date" label={t('docFields.date')}><DateField /></Form.Item></Col>
      </Row>
      <Form.Item label={t('docFields.officers')}>
        <Form.List name="officers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Select style={{ width: 160 }} placeholder={t('docFields.pickOfficer')} onChange={(v: number) => pick(f.name, v)} data-testid={`pick-officer-${f.name}`}
                    options={roster.map((o) => ({ value: o.id, label: o.name }))} />
                  <Form.Item name={[f.name, 'name']}><Input placeholder={t('docFields.officerName')} /></Form.Item>
                  <Form.Item name={[f.name, 'certificateNo']}><Input placeholder={t('docFields.certificateNo')} /></Form.Item>
                  <Form.Item name={[f.name, 'officerId']} hidden><Input /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ officerId: null, name: '', certificateNo: '' })}>{t('docFields.addOfficer')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="findings" label={t('docFields.findings')}><Input.TextArea rows={10} /></Form.Item>
      <Form.Item name="refusedToSign" valuePropName="checked"><Checkbox>{t('docFields.refusedToSign')}</Checkbox></Form.Item>
      {refused && <Form.Item name="refusalNote" label={t('docFields.refusalNote')}><Input /></Form.Item>}
    </>
  );
}
