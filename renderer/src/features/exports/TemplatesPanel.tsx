import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MappingSummary } from '../../../../shared/entities/field-mapping.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { tKey } from '../../i18n.ts';
import { saveDownload } from '../files.ts';

/**
 * 按模板导出: the whole record filled into a province's template by a mapping file (its sheets, headers and code
 * tables), as Excel or JSON, for a province that takes spreadsheets rather than packages.
 */
export function TemplatesPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { info } = useSession();
  const [mappings, setMappings] = useState<MappingSummary[] | null>(null);
  const [chosen, setChosen] = useState('default');
  const [busy, setBusy] = useState<'xlsx' | 'json' | null>(null);
  useEffect(() => {
    api.exports
      .mappings()
      .then(setMappings)
      .catch((e) => message.error(errorMessage(e)));
  }, [message]);
  const mapping = mappings?.find((m) => m.id === chosen);
  const save = async (format: 'xlsx' | 'json') => {
    setBusy(format);
    try {
      saveDownload(await api.exports.table({ mapping: chosen, format }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title={t('exports.templates.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('exports.templates.hint')}</Typography.Text>
        <Space wrap>
          <span>{t('exports.templates.mapping')}</span>
          <Select
            style={{ width: 360 }}
            value={chosen}
            loading={!mappings}
            onChange={setChosen}
            options={(mappings ?? []).map((m) => ({ value: m.id, label: m.name }))}
            data-testid="template-mapping"
          />
        </Space>
        {mapping && (
          <Descriptions
            size="small"
            column={1}
            bordered
            style={{ maxWidth: 900 }}
            styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
            data-testid="template-sheets"
          >
            <Descriptions.Item label={t('exports.templates.version')}>{mapping.version}</Descriptions.Item>
            <Descriptions.Item label={t('exports.templates.notes')}>{mapping.notes}</Descriptions.Item>
            <Descriptions.Item label={t('exports.templates.sheets')}>
              {mapping.sheets
                .map((s) => {
                  const table = tKey(`exports.entities.${s.table}`);
                  // A sheet named as its table needs saying once.
                  return s.sheet === table
                    ? t('exports.templates.sheetSame', { sheet: s.sheet, columns: s.columns })
                    : t('exports.templates.sheet', { sheet: s.sheet, table, columns: s.columns });
                })
                .join('；')}
            </Descriptions.Item>
          </Descriptions>
        )}
        {info.workspace === 'demo' ? (
          <Alert type="info" showIcon message={t('errors.DEMO_EXPORT_REFUSED')} />
        ) : (
          <Space>
            <Button
              type="primary"
              icon={<FileExcelOutlined />}
              loading={busy === 'xlsx'}
              disabled={!mapping}
              onClick={() => void save('xlsx')}
              data-testid="template-xlsx"
            >
              {t('exports.templates.xlsx')}
            </Button>
            <Button
              icon={<FileTextOutlined />}
              loading={busy === 'json'}
              disabled={!mapping}
              onClick={() => void save('json')}
            >
              {t('exports.templates.json')}
            </Button>
          </Space>
        )}
        <Typography.Text type="secondary">{t('exports.templates.next')}</Typography.Text>
      </Space>
    </Card>
  );
}
