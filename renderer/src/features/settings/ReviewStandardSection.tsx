import { App, Button, Divider, InputNumber, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequiredDocument, ReviewItem, ReviewStandard } from '../../../../shared/entities/review-standard.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { readJson, saveJson } from '../files.ts';
import { today } from '../../app/clock.ts';
import { standardName } from '../review/standard-names.ts';

/** Points changed here make a new version (2026-11-22（2026-12-01调整）): two reviews under one version always scored alike. */
function adjusted(s: ReviewStandard): ReviewStandard {
  return { ...s, version: `${s.version.replace(/（[^（]*调整）$/, '')}（${today()}调整）`.slice(0, 40) };
}

/**
 * The 案卷评查 standard in force: the bundled 示例, or the province's own, imported as a file of the
 * same form (every check it names must be one the app runs) or adjusted here item by item (points,
 * and how a finding costs them) and in its grade cut-offs. Exported to edit elsewhere; the bundled one comes back with one click.
 */
export function ReviewStandardSection({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [standard, setStandard] = useState<ReviewStandard | null>(null);
  const [own, setOwn] = useState(false);
  const [edited, setEdited] = useState<ReviewStandard | null>(null);
  const [typeNames, setTypeNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    void Promise.all([api.reviews.standard(), api.settings.get(), api.documents.catalogue()])
      .then(([s, settings, catalogue]) => {
        setStandard(s);
        setOwn(!!settings.reviewStandard);
        setTypeNames(new Map(catalogue.map((c) => [c.id, c.name])));
      })
      .catch((e) => message.error(errorMessage(e)));
  }, [message]);
  const current = edited ?? standard;

  const save = async (next: ReviewStandard | null) => {
    try {
      const settings = await api.settings.update({ reviewStandard: next });
      setStandard(settings.reviewStandard ?? (await api.reviews.bundledStandard()));
      setOwn(!!settings.reviewStandard);
      setEdited(null);
      message.success(t(next ? 'settings.reviewStandard.saved' : 'settings.reviewStandard.reset'));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const importFile = async (file: File) => {
    const parsed = await readJson(file);
    if (parsed === undefined) message.error(t('settings.fileOrder.notJson', { name: file.name }));
    else await save(parsed as ReviewStandard);
  };
  const exportFile = () => current && saveJson(`review-standard-${current.id}.json`, current);
  const setItem = (sectionId: string, itemId: string, change: Partial<ReviewItem>) =>
    setEdited((s) => {
      const base = s ?? standard!;
      return {
        ...base,
        sections: base.sections.map((sec) =>
          sec.id !== sectionId
            ? sec
            : { ...sec, items: sec.items.map((i) => (i.id === itemId ? { ...i, ...change } : i)) },
        ),
      };
    });

  // Cut-offs the admin sets are the province's own, no longer the example's uncertain ones.
  const setGrade = (index: number, min: number) =>
    setEdited((s) => {
      const base = s ?? standard!;
      return { ...base, gradesUncertain: false, grades: base.grades.map((g, i) => (i === index ? { ...g, min } : g)) };
    });

  if (!current) return null;
  return (
    <div data-testid="review-standard">
      <Divider titlePlacement="start">{t('settings.reviewStandard.section')}</Divider>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          {own ? (
            <Tag color="blue">{t('settings.fileOrder.importedTag')}</Tag>
          ) : (
            <Tag>{t('settings.fileOrder.bundledTag')}</Tag>
          )}
          {current.example && <Tag color="orange">{t('review.example')}</Tag>}
          <Typography.Text>{standardName(current)}</Typography.Text>
          <Typography.Text type="secondary">
            {current.version} · {t('settings.reviewStandard.from', { date: current.effectiveFrom })}
          </Typography.Text>
        </Space>
        <Typography.Text type="secondary">{current.source}</Typography.Text>
        <Space wrap size={12} data-testid="standard-grades">
          <Typography.Text type="secondary">{t('settings.reviewStandard.gradeBands')}</Typography.Text>
          {current.grades.map((g, i) => (
            <Space key={i} size={4}>
              <Typography.Text>{standardName(g)} ≥</Typography.Text>
              {/* The last band is the floor: whatever scores less than the others. */}
              <InputNumber
                size="small"
                min={0}
                max={100}
                value={g.min}
                disabled={!editable || i === current.grades.length - 1}
                data-testid={`standard-grade-${i}`}
                onChange={(v) => typeof v === 'number' && setGrade(i, v)}
              />
              <Typography.Text type="secondary">%</Typography.Text>
            </Space>
          ))}
          {current.gradesUncertain && <Tag color="gold">{t('cases.uncertain')}</Tag>}
        </Space>
        {current.sections.map((sec) => (
          <Table<ReviewItem>
            key={sec.id}
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={sec.items}
            title={() => <b>{standardName(sec)}</b>}
            columns={[
              { title: t('review.item'), dataIndex: 'name', render: (_: string, i: ReviewItem) => standardName(i) },
              {
                title: t('review.mode'),
                dataIndex: 'mode',
                width: 100,
                render: (m: ReviewItem['mode']) => t(`review.modes.${m}`),
              },
              {
                title: t('review.points'),
                dataIndex: 'points',
                width: 120,
                render: (p: number | null, i) => (
                  <InputNumber
                    size="small"
                    min={0}
                    max={100}
                    value={p}
                    placeholder="—"
                    disabled={!editable}
                    data-testid={`standard-points-${i.id}`}
                    onChange={(v) => setItem(sec.id, i.id, { points: typeof v === 'number' ? v : null })}
                  />
                ),
              },
              {
                title: t('settings.reviewStandard.deduct'),
                dataIndex: 'deduct',
                width: 150,
                render: (d: ReviewItem['deduct'], i) => (
                  <InputNumber
                    size="small"
                    min={0}
                    max={100}
                    value={d === 'all' ? null : d}
                    placeholder={t('settings.reviewStandard.all')}
                    disabled={!editable || i.mode === 'judgement'}
                    onChange={(v) => setItem(sec.id, i.id, { deduct: typeof v === 'number' && v > 0 ? v : 'all' })}
                  />
                ),
              },
            ]}
          />
        ))}
        {current.requiredDocuments.length > 0 && (
          <Table<RequiredDocument>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={current.requiredDocuments}
            data-testid="required-documents"
            title={() => <b>{t('settings.reviewStandard.requiredDocuments')}</b>}
            columns={[
              { title: t('settings.reviewStandard.documentName'), dataIndex: 'name' },
              {
                title: t('settings.reviewStandard.when'),
                key: 'when',
                width: 260,
                render: (_, r) =>
                  t('settings.reviewStandard.whenText', {
                    procedure: t(`settings.reviewStandard.procedures.${r.procedure}`),
                    outcomes: r.outcomes.map((o) => t(`settings.reviewStandard.outcomes.${o}`)).join('、'),
                    from: t(`settings.reviewStandard.stages.${r.from}`),
                  }),
              },
              {
                title: t('settings.reviewStandard.anyOf'),
                dataIndex: 'anyOf',
                render: (types: string[]) =>
                  types.map((x) => typeNames.get(x) ?? x).join(t('settings.reviewStandard.or')),
              },
            ]}
          />
        )}
        <Space wrap>
          {editable && edited && (
            <Button type="primary" onClick={() => void save(adjusted(edited))} data-testid="save-review-standard">
              {t('settings.reviewStandard.savePoints')}
            </Button>
          )}
          {editable && (
            <Upload
              accept=".json"
              showUploadList={false}
              beforeUpload={(file) => {
                void importFile(file);
                return false;
              }}
            >
              <Button data-testid="import-review-standard">{t('settings.reviewStandard.import')}</Button>
            </Upload>
          )}
          <Button onClick={exportFile} data-testid="export-review-standard">
            {t('settings.reviewStandard.export')}
          </Button>
          {editable && own && (
            <Button onClick={() => void save(null)}>{t('settings.reviewStandard.resetButton')}</Button>
          )}
        </Space>
      </Space>
    </div>
  );
}
