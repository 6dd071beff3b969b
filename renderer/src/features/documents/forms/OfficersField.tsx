import { Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Officer } from '../../../../../shared/entities/officer.ts';
import { api } from '../../../api/client.ts';
import { RowsField } from '../../fields.tsx';

/** The officers named on a document: picked from the roster, name and 执法证号 editable as printed. */
export function OfficersField({ label, max }: { label: string; max?: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const [roster, setRoster] = useState<Officer[]>([]);
  useEffect(() => {
    void api.officers
      .list({ includeOffDuty: true })
      .then(setRoster)
      .catch(() => undefined);
  }, []);
  const pick = (index: number, officerId: number) => {
    const o = roster.find((x) => x.id === officerId);
    if (o) form.setFieldValue(['officers', index], { officerId: o.id, name: o.name, certificateNo: o.certificateNo });
  };
  return (
    <RowsField
      name="officers"
      label={label}
      addLabel={t('docFields.addOfficer')}
      blank={{ officerId: null, name: '', certificateNo: '' }}
      max={max}
    >
      {(row) => (
        <>
          <Select
            style={{ width: 160 }}
            placeholder={t('docFields.pickOfficer')}
            onChange={(v: number) => pick(row, v)}
            data-testid={`pick-officer-${row}`}
            options={roster.map((o) => ({ value: o.id, label: o.name }))}
          />
          <Form.Item name={[row, 'name']}>
            <Input placeholder={t('docFields.officerName')} />
          </Form.Item>
          <Form.Item name={[row, 'certificateNo']}>
            <Input placeholder={t('docFields.certificateNo')} />
          </Form.Item>
          <Form.Item name={[row, 'officerId']} hidden>
            <Input />
          </Form.Item>
        </>
      )}
    </RowsField>
  );
}
