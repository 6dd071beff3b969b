import { Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Hazard } from '../../../../shared/entities/hazard.ts';
import { api } from '../../api/client.ts';
import { hazardColumns } from './HazardsCard.tsx';

/** An enterprise's hazards across all its inspections, for its 一企一档 page. */
export function EnterpriseHazards({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [hazards, setHazards] = useState<Hazard[]>([]);
  useEffect(() => {
    void api.hazards
      .list({ enterpriseId })
      .then(setHazards)
      .catch(() => undefined);
  }, [enterpriseId]);
  return (
    <Table<Hazard>
      rowKey="id"
      size="small"
      dataSource={hazards}
      pagination={{ pageSize: 20 }}
      onRow={(h) => ({ onClick: () => navigate(`/inspections/${h.inspectionId}`), style: { cursor: 'pointer' } })}
      columns={hazardColumns(t)}
    />
  );
}
