import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, List, Modal, Row, Statistic, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Completeness } from '../../../../shared/api/channels/exports.ts';
import type { IndicatorValue } from '../../../../shared/domain/indicators/completeness.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { tKey } from '../../i18n.ts';

const PAGES = { inspections: 'inspections', cases: 'cases' } as const;

/**
 * 本季度录入与上报: the squad's completeness as the province counts it, each figure with its definition (口径) and,
 * clicked, the records it finds short, each a link to put it right.
 */
export function CompletenessCard() {
  const { t } = useTranslation();
  const [figures, setFigures] = useState<Completeness | null>(null);
  const [open, setOpen] = useState<IndicatorValue | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    void api.exports
      .completeness({})
      .then(setFigures)
      .catch((e) => setFailed(errorMessage(e)));
  }, []);
  return (
    <Card
      size="small"
      loading={!figures && !failed}
      title={figures ? t('indicators.title', { from: figures.from, to: figures.to }) : t('indicators.loading')}
      extra={<Link to="/exports">{t('indicators.toExports')}</Link>}
      data-testid="completeness"
    >
      {failed && <Typography.Text type="danger">{failed}</Typography.Text>}
      {figures && (
        <>
          <Row gutter={16}>
            {figures.indicators.map((v) => (
              <Col span={8} key={v.id}>
                <a onClick={() => setOpen(v)} data-testid={`indicator-${v.id}`}>
                  <Statistic
                    title={
                      <span>
                        {tKey(`indicators.${v.id}.name`)}{' '}
                        <Tooltip title={tKey(`indicators.${v.id}.definition`)}>
                          <QuestionCircleOutlined />
                        </Tooltip>
                      </span>
                    }
                    value={v.percent ?? '—'}
                    suffix={v.percent === null ? undefined : '%'}
                    valueStyle={v.short.length ? { color: '#d46b08' } : undefined}
                  />
                  <Typography.Text type="secondary">
                    {t('indicators.ratio', { n: v.numerator, d: v.denominator })}
                  </Typography.Text>
                </a>
              </Col>
            ))}
          </Row>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {figures.base
              ? t('indicators.base', { name: figures.base.name, on: figures.base.acceptedOn })
              : t('indicators.noBase')}
          </Typography.Text>
        </>
      )}
      <Modal
        open={!!open}
        title={open ? tKey(`indicators.${open.id}.name`) : ''}
        onCancel={() => setOpen(null)}
        footer={null}
        width={720}
      >
        {open && (
          <>
            <Typography.Paragraph type="secondary">{tKey(`indicators.${open.id}.definition`)}</Typography.Paragraph>
            <Typography.Paragraph>
              {open.short.length ? t('indicators.short', { count: open.short.length }) : t('indicators.none')}
            </Typography.Paragraph>
            <List
              size="small"
              data-testid="indicator-short"
              dataSource={open.short.slice(0, 100)}
              renderItem={(r) => (
                <List.Item>
                  <Link to={`/${PAGES[r.entity]}/${r.id}`}>
                    {tKey(`exports.entities.${r.entity}`)} {r.label}
                  </Link>
                </List.Item>
              )}
            />
            {open.excluded.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('indicators.excluded.title', { count: open.excluded.length })}
                {open.excluded
                  .slice(0, 20)
                  .map((r) => `${r.label}（${tKey(r.why)}）`)
                  .join('；')}
              </Typography.Paragraph>
            )}
          </>
        )}
      </Modal>
    </Card>
  );
}
