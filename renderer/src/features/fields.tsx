import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/**
 * Date inputs that hold the strings the contract uses (2026-11-22, 2026-11-22T09:30), so forms
 * never carry dayjs objects and what is saved is exactly what the core validates.
 */
export function DateTimeField({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  return (
    <DatePicker id={id} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }}
      value={value ? dayjs(value) : null} onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DDTHH:mm') : '')} />
  );
}

export function DateField({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  return (
    <DatePicker id={id} format="YYYY-MM-DD" style={{ width: '100%' }}
      value={value ? dayjs(value) : null} onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : '')} />
  );
}
