import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { Officer } from '../../../shared/entities/officer.ts';
import { api } from '../api/client.ts';

/**
 * Pickers a form puts inside a Form.Item: an enterprise found by a fragment of its name (its own
 * name shown for the value already set), and on-duty officers from the roster (an expired
 * certificate cannot be picked).
 */
export function EnterpriseSelect({
  value,
  onChange,
  disabled,
  id,
  testId,
  placeholder,
  allowClear,
  style,
}: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  disabled?: boolean;
  id?: string;
  testId?: string;
  /** As a list's filter: says what it filters, and clears to "any". */
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const search = async (query: string) => {
    const r = await api.enterprises.search({ query, pageSize: 20 });
    setOptions(r.items.map((e) => ({ value: e.id, label: e.name })));
  };
  useEffect(() => {
    if (value)
      void api.enterprises
        .get({ id: value })
        .then((e) => setOptions((o) => (o.some((x) => x.value === e.id) ? o : [{ value: e.id, label: e.name }, ...o])))
        .catch(() => undefined);
    else void search('').catch(() => undefined);
  }, [value]);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      disabled={disabled}
      placeholder={placeholder}
      allowClear={allowClear}
      style={style}
      showSearch
      filterOption={false}
      onSearch={(q) => void search(q)}
      options={options}
      data-testid={testId}
    />
  );
}

export function OfficerSelect({
  value,
  onChange,
  id,
  testId,
}: {
  value?: number[];
  onChange?: (v: number[]) => void;
  id?: string;
  testId?: string;
}) {
  const [officers, setOfficers] = useState<Officer[]>([]);
  useEffect(() => {
    void api.officers
      .list({ includeOffDuty: false })
      .then(setOfficers)
      .catch(() => undefined);
  }, []);
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      data-testid={testId}
      options={officers.map((o) => ({
        value: o.id,
        label: `${o.name}（${o.certificateNo}）`,
        disabled: o.certStatus === 'expired',
      }))}
    />
  );
}
