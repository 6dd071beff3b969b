import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../fields.tsx';
import { ListField } from './ListField.tsx';
import { OfficersField } from './OfficersField.tsx';

/** 现场处理措施决定书: findings, the legal basis, the measures decided. */
export function OnsiteMeasuresForm() {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col span={12}><Form.Item name="enterpriseName" label={t('docFields.enterpriseName')}><Input /></Form.Item></Col>
        <Col span={6}><Form.Item name="inspectionDate" label={t('docFields.inspectionDate')}><DateField /></Form.Item></Col>
        <Col span={6}><Form.Item name="date" label={t('docFields.date')}><DateField /></Form.Item></Col>
      </Row>
      <ListField name="findings" label={t('docFields.violations')} addLabel={t('docFields.addItem')} />
      <Form.Item name="basis" label={t('docFields.basis')}><Input /></Form.Item>
      <ListField name="measures" label={t('docFields.measures')} addLabel={t('docFields.addMeasure')} />
      <OfficersField label={t('docFields.officersOrder')} />
    </>
  );
}

/** 现场检查方案 (internal): whom, when, who, what and how. */
export function InspectionPlanForm() {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col span={12}><Form.Item name="enterpriseName" label={t('docFields.enterpriseName')}><Input /></Form.Item></Col>
        <Col span={12}><Form.Item name="address" label={t('docFields.address')}><Input /></Form.Item></Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}><Form.Item name="plannedDate" label={t('docFields.plannedDate')}><DateField /></Form.Item></Col>
        <Col span={8}><Form.Item name="method" label={t('docFields.method')}><Input /></Form.Item></Col>
        <Col span={8}><Form.Item name="date" label={t('docFields.date')}><DateField /></Form.Item></Col>
      </Row>
      <OfficersField label={t('docFields.officersOrder')} />
      <Form.Item name="experts" label={t('docFields.experts')}><Input /></Form.Item>
      <Form.Item name="content" label={t('docFields.content')}><Input.TextArea rows={8} /></Form.Item>
    </>
  );
}

/** 文书送达回执: one row per document served. */
export function ServiceReceiptForm() {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col span={12}><Form.Item name="caseName" label={t('docFields.caseName')}><Input /></Form.Item></Col>
        <Col span={8}><Form.Item name="recipient" label={t('docFields.recipient')}><Input /></Form.Item></Col>
        <Col span={4}><Form.Item name="date" label={t('docFields.date')}><DateField /></Form.Item></Col>
      </Row>
      <Form.Item label={t('docFields.servedDocuments')}>
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex', flexWrap: 'wrap' }}>
                  <Form.Item name={[f.name, 'document']} style={{ width: 300 }}><Input placeholder={t('docFields.documentAndNumber')} /></Form.Item>
                  <Form.Item name={[f.name, 'place']}><Input placeholder={t('docFields.servePlace')} /></Form.Item>
                  <Form.Item name={[f.name, 'servedOn']}><DateField /></Form.Item>
                  <Form.Item name={[f.name, 'method']}><Input placeholder={t('docFields.serveMethod')} /></Form.Item>
                  <Form.Item name={[f.name, 'server']}><Input placeholder={t('docFields.server')} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ document: '', place: '', servedOn: '', method: '', server: '' })}>{t('docFields.addItem')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="note" label={t('docFields.note')}><Input /></Form.Item>
    </>
  );
}
