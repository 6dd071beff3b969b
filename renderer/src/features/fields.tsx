import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { today } from '../app/clock.ts';
import { tKey } from '../i18n.ts';

/** For an act that has happened (an inspection, a signature, a service): the days after today are greyed out, as the core refuses them. */
const afterToday = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD') > today();

/**
 * Date inputs that hold the strings the contract uses (2026-11-22, 2026-11-22T09:30), so forms
 * never carry dayjs objects and what is saved is exactly what the core validates.
 */
export function DateTimeField({
  value,
  onChange,
  id,
  past,
}: {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
  past?: boolean;
}) {
  return (
    <DatePicker
      id={id}
      disabledDate={past ? afterToday : undefined}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      style={{ width: '100%' }}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DDTHH:mm') : '')}
    />
  );
}

export function DateField({
  value,
  onChange,
  id,
  disabled,
  past,
}: {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
  disabled?: boolean;
  past?: boolean;
}) {
  return (
    <DatePicker
      id={id}
      disabledDate={past ? afterToday : undefined}
      disabled={disabled}
      format="YYYY-MM-DD"
      style={{ width: '100%' }}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : '')}
    />
  );
}

interface RowsFieldProps {
  name: string;
  label: string;
  addLabel: string;
  /** What a new row starts as. */
  blank: unknown;
  /** Number the rows (1. 2. 3.) as the printed document does. */
  numbered?: boolean;
  /** The rows are given (a document's rows from the record): none added or removed. */
  fixed?: boolean;
  /** The most rows the list takes: the add button stops there, saying so. */
  max?: number;
  /** The inputs of one row, given the row's index in the list (its Form.List name). */
  children(row: number): ReactNode;
}

/** A list of small records edited one line each: contacts, persons present, officers, problems. */
export function RowsField({ name, label, addLabel, blank, numbered, fixed, max, children }: RowsFieldProps) {
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <div
                key={f.key}
                style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: numbered ? 'flex-start' : 'baseline' }}
              >
                {numbered && <span style={{ lineHeight: '32px' }}>{i + 1}.</span>}
                {children(f.name)}
                {!fixed && (
                  <MinusCircleOutlined style={numbered ? { marginTop: 8 } : undefined} onClick={() => remove(f.name)} />
                )}
              </div>
            ))}
            {!fixed && (
              <Space>
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={max !== undefined && fields.length >= max}
                  onClick={() => add(structuredClone(blank))}
                >
                  {addLabel}
                </Button>
                {max !== undefined && fields.length >= max && (
                  <Typography.Text type="secondary" data-testid={`${name}-full`}>
                    {tKey('common.listFull', { max })}
                  </Typography.Text>
                )}
              </Space>
            )}
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
