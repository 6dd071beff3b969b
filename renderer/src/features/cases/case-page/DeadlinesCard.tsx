import { Alert, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseDeadline, CaseDetail } from '../../../../../shared/entities/case.ts';
import { yuan } from '../CaseList.tsx';

const DEADLINE_COLORS: Record<CaseDeadline['status'], string> = {
  pending: 'blue',
  met: 'green',
  late: 'orange',
  overdue: 'red',
};

/** Every statutory deadline the case has reached, with the 加处罚款 and the 按日连续处罚 counted so far. */
export function DeadlinesCard({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      title={t('cases.deadlines')}
      style={{ marginBottom: 16 }}
      data-testid="case-deadlines"
      id="case-deadlines"
    >
      {kase.deadlines.length === 0 ? (
        <Empty description={t('cases.noDeadlines')} />
      ) : (
        <Table<CaseDeadline>
          rowKey={(d) => `${d.period}|${d.partyName ?? ''}|${d.from}`}
          size="small"
          pagination={false}
          dataSource={kase.deadlines}
          columns={[
            // A period that runs from a document (a notice, a decision) opens it.
            {
              title: t('cases.deadlineName'),
              dataIndex: 'name',
              render: (v: string, d) => {
                const name = d.partyName ? `${v}（${d.partyName}）` : v;
                return d.documentId ? <a onClick={() => navigate(`/documents/${d.documentId}`)}>{name}</a> : name;
              },
            },
            { title: t('cases.deadlineFrom'), dataIndex: 'from', width: 110 },
            { title: t('cases.deadlineDue'), dataIndex: 'due', width: 110 },
            { title: t('cases.deadlineMet'), dataIndex: 'metOn', width: 110, render: (v: string | null) => v ?? '—' },
            {
              title: t('cases.deadlineStatus'),
              dataIndex: 'status',
              width: 150,
              render: (v: CaseDeadline['status'], d) => (
                <Space size={4}>
                  <Tag color={DEADLINE_COLORS[v]}>{t(`cases.deadlineStatuses.${v}`)}</Tag>
                  {d.uncertain && <Tag color="gold">{t('cases.uncertain')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('cases.basis'),
              dataIndex: 'basis',
              render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
            },
          ]}
        />
      )}
      {kase.surcharges
        .filter((x) => x.days > 0)
        .map((x) => (
          <Alert
            key={x.partyName ?? ''}
            type="error"
            style={{ marginTop: 8 }}
            message={`${x.partyName ? `${x.partyName}：` : ''}${t('cases.surcharge', { ...x, amount: yuan(x.amount) })}`}
          />
        ))}
      {kase.dailyPenalties.map((x) => (
        <Alert
          key={`${x.partyName ?? ''}|${x.from}`}
          type={x.corrected ? 'info' : 'warning'}
          style={{ marginTop: 8 }}
          data-testid="case-daily-penalty"
          message={`${x.partyName ? `${x.partyName}：` : ''}${t(x.corrected ? 'cases.dailyPenaltyEnded' : 'cases.dailyPenalty', { ...x, perDay: yuan(x.perDay), amount: yuan(x.amount) })}`}
        />
      ))}
    </Card>
  );
}
