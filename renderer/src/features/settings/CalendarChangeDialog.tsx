import { Modal, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarImportOutcome } from '../../../../shared/api/contract.ts';
import type { YearChange } from '../../../../shared/domain/calendar-diff.ts';
import { chineseDate } from '../../../../shared/domain/dates.ts';

export interface PendingCalendarImport {
  fileName: string;
  text: string;
  outcome: CalendarImportOutcome;
}

/** Days that become rest days in one colour, days that become working days in another. */
const KINDS = [
  ['offAdded', 'orange'],
  ['workdaysRemoved', 'orange'],
  ['workdaysAdded', 'blue'],
  ['offRemoved', 'blue'],
] as const;

/**
 * The days a replaced holiday schedule would move, shown before anything is written: the admin
 * checks them against the State Council notice, since every deadline of the year follows them.
 */
export function CalendarChangeDialog({
  pending,
  busy,
  onConfirm,
  onCancel,
}: {
  pending: PendingCalendarImport | null;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const changes = pending?.outcome.changes ?? [];
  return (
    <Modal
      open={pending !== null}
      width={720}
      destroyOnHidden
      data-testid="calendar-change"
      title={t('calendar.change.title', { year: pending?.outcome.year })}
      okText={t('calendar.change.confirm')}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={t('common.cancel')}
      onOk={onConfirm}
      onCancel={onCancel}
    >
      {changes.map((c) => (
        <YearChangeView key={c.year} change={c} fileName={pending?.fileName ?? ''} />
      ))}
    </Modal>
  );
}

function YearChangeView({ change, fileName }: { change: YearChange; fileName: string }) {
  const { t, i18n } = useTranslation();
  const day = (iso: string) => {
    const at = new Date(`${iso}T00:00:00Z`);
    const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' }).format(at);
    // English readers get the month spelt out: 04/01 and 01/04 read differently on either side of the Atlantic.
    const date =
      i18n.language === 'en'
        ? new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
            at,
          )
        : chineseDate(iso);
    return t('calendar.change.day', { date, weekday });
  };
  return (
    <div style={{ marginBottom: 16 }} data-testid={`calendar-change-${change.year}`}>
      <Typography.Paragraph>
        {t('calendar.change.intro', { year: change.year, source: change.previousSource, fileName })}
      </Typography.Paragraph>
      {KINDS.filter(([k]) => change[k].length > 0).map(([k, color]) => (
        <div key={k} style={{ marginBottom: 8 }} data-testid={`calendar-change-${k}`}>
          <Typography.Text strong>{t(`calendar.change.${k}`, { count: change[k].length })}</Typography.Text>
          <div>
            {change[k].map((d) => (
              <Tag key={d} color={color}>
                {day(d)}
              </Tag>
            ))}
          </div>
        </div>
      ))}
      <Typography.Text type="secondary">{t('calendar.change.unchanged', { count: change.unchanged })}</Typography.Text>
    </div>
  );
}
