import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space } from 'antd';

/** A numbered list of paragraphs (findings, measures): one text per line item. */
export function ListField({ name, label, addLabel }: { name: string; label: string; addLabel: string }) {
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="start" style={{ display: 'flex' }}>
                <span style={{ lineHeight: '32px' }}>{i + 1}.</span>
                <Form.Item name={f.name} style={{ width: 720 }}><Input.TextArea autoSize /></Form.Item>
                <MinusCircleOutlined style={{ marginTop: 8 }} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>{addLabel}</Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
