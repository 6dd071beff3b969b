import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';

/** A range of days as the core takes it (YYYY-MM-DD, both ends included); either end may be open. */
export interface DayRange {
  from?: string;
  to?: string;
}

/** Picks a range of days; cleared, it filters nothing. */
export function DayRangeFilter({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value: DayRange;
  onChange: (range: DayRange) => void;
  placeholder?: [string, string];
  testId?: string;
}) {
  return (
    // The picker does not pass a test id on; its wrapper carries it.
    <span data-testid={testId}>
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={placeholder}
        value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
        onChange={(r) =>
          onChange({ from: r?.[0]?.format('YYYY-MM-DD') ?? undefined, to: r?.[1]?.format('YYYY-MM-DD') ?? undefined })
        }
      />
    </span>
  );
}

/** A list's filter and page on the core: a changed filter starts again at page 1. */
export function useListQuery<F extends object>(initial: F) {
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<F>(initial);
  const refine = (change: Partial<F>) => {
    setPage(1);
    setFilter((f) => ({ ...f, ...change }));
  };
  return { page, setPage, filter, refine };
}

/** The order a column header asks for, as the core sorts: none asked is the list's own (newest first). */
type Sorted = { order?: 'ascend' | 'descend' | null };
export function orderOf(sorter: Sorted | Sorted[]): 'asc' | 'desc' | undefined {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  return s?.order === 'ascend' ? 'asc' : s?.order === 'descend' ? 'desc' : undefined;
}

/** What a sorted column header shows for the order the core was asked for. */
export const sortOrderOf = (order: 'asc' | 'desc' | undefined) =>
  order === 'asc' ? ('ascend' as const) : order === 'desc' ? ('descend' as const) : null;
