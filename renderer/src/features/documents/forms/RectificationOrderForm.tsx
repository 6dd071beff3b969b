import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../fields.tsx';
import { OfficersField } from './OfficersField.tsx';

/** 责令限期整改指令书: the problems, each with its own deadline. */
export function RectificationOrderForm() {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col span={12}><Form.Item name="enterpriseName" label={t('docFields.enterpriseName')}><Input /></Form.Item></Col>
        <Col span={6}><Form.Item name="inspectionDate" label={t('docFields.inspectionDate')}><DateField /></Form.Item></Col>
        <Col span={6}><Form.Item name="date" label={t('docFields.date')}><DateField /></Form.Item></Col>
      </Row>
      <Form.Item label={t('docFields.items')}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <span style={{ lineHeight: '32px' }}>{i + 1}.</span>
                  <Form.Item name={[f.name, 'text']} style={{ width: 560 }}><Input.TextArea autoSize placeholder={t('docFields.itemText')} /></Form.Item>
                  <Form.Item name={[f.name, 'deadline']} style={{ width: 170 }}><DateField /></Form.Item>
                  <Form.Item name={[f.name, 'hazardId']} hidden><Input /></Form.Item>
                  <MinusCircleOutlined style={{ marginTop: 8 }} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ hazardId: null, text: '', deadline: '' })}>{t('docFields.addItem')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <OfficersField label={t('docFields.officersOrder')} />
    </>
  );
}
