import { Checkbox, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateField, DateTimeField } from '../../fields.tsx';
import { OfficersField } from './OfficersField.tsx';

/** The fields of a 现场检查记录, in the order they print. */
export function InspectionRecordForm() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const refused = Form.useWatch('refusedToSign', form);
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
      <OfficersField label={t('docFields.officers')} />
      <Form.Item name="findings" label={t('docFields.findings')}><Input.TextArea rows={10} /></Form.Item>
      <Form.Item name="refusedToSign" valuePropName="checked"><Checkbox>{t('docFields.refusedToSign')}</Checkbox></Form.Item>
      {refused && <Form.Item name="refusalNote" label={t('docFields.refusalNote')}><Input /></Form.Item>}
    </>
  );
}
