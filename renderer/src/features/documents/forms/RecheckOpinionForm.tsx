import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../fields.tsx';
import { OfficersField } from './OfficersField.tsx';

/** 整改复查意见书: which order it answers, and the opinion. */
export function RecheckOpinionForm() {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col span={12}><Form.Item name="enterpriseName" label={t('docFields.recheckedUnit')}><Input /></Form.Item></Col>
        <Col span={12}><Form.Item name="date" label={t('docFields.date')}><DateField /></Form.Item></Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}><Form.Item name="originalNumber" label={t('docFields.originalNumber')}><Input /></Form.Item></Col>
        <Col span={12}><Form.Item name="originalDate" label={t('docFields.originalDate')}><DateField /></Form.Item></Col>
      </Row>
      <Form.Item name="opinion" label={t('docFields.opinion')}><Input.TextArea rows={8} /></Form.Item>
      <OfficersField label={t('docFields.officersOrder')} />
    </>
  );
}
