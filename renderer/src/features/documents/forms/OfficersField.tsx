import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Officer } from '../../../../../shared/entities/officer.ts';
import { api } from '../../../api/client.ts';

/** The officers named on a document: picked from the roster, name and 执法证号 editable as printed. */
export function OfficersField({ label }: { label: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const [roster, setRoster] = useState<Officer[]>([]);
  useEffect(() => { void api.officers.list({ includeOffDuty: true }).then(setRoster).catch(() => undefined); }, []);
  const pick = (index: number, officerId: number) => {
    const o = roster.find((x) => x.id === officerId);
    if (o) form.setFieldValue(['officers', index], { officerId: o.id, name: o.name, certificateNo: o.certificateNo });
  };
  return (
    <Form.Item label={label}>
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
  );
}
