import { App, Button, Divider, List, Space, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileOrder } from '../../../../shared/entities/file-order.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { readJson, saveJson } from '../files.ts';

/**
 * The order the bound case file (卷内目录) follows: the bundled one, or the province's own imported by
 * an admin as a file of the same form. Every entry is checked against the documents and records the
 * app knows before it is kept; the bundled order comes back with one click.
 */
export function FileOrderSection({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [bundled, setBundled] = useState<FileOrder | null>(null);
  const [imported, setImported] = useState<FileOrder | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    void Promise.all([api.knowledge.fileOrder(), api.settings.get(), api.documents.catalogue()])
      .then(([b, s, catalogue]) => {
        setBundled(b);
        setImported(s.fileOrder);
        setNames(Object.fromEntries(catalogue.map((d) => [d.id, d.name])));
      })
      .catch((e) => message.error(errorMessage(e)));
  }, [message]);
  const current = imported ?? bundled;
  const titleOf = (key: string) => current?.titles[key] ?? bundled?.titles[key] ?? names[key] ?? key;

  const save = async (fileOrder: FileOrder | null) => {
    try {
      setImported((await api.settings.update({ fileOrder })).fileOrder);
      message.success(t(fileOrder ? 'settings.fileOrder.imported' : 'settings.fileOrder.reset'));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const importFile = async (file: File) => {
    const parsed = await readJson(file);
    if (parsed === undefined) message.error(t('settings.fileOrder.notJson', { name: file.name }));
    else await save(parsed as FileOrder);
  };
  const exportFile = () => current && saveJson('file-order.json', current);

  return (
    <div data-testid="file-order">
      <Divider titlePlacement="start">{t('settings.fileOrder.section')}</Divider>
      {current && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            {imported ? (
              <Tag color="blue">{t('settings.fileOrder.importedTag')}</Tag>
            ) : (
              <Tag>{t('settings.fileOrder.bundledTag')}</Tag>
            )}
            <Typography.Text>{current.source}</Typography.Text>
            <Typography.Text type="secondary">{current.version}</Typography.Text>
          </Space>
          {current.note && <Typography.Text type="secondary">{current.note}</Typography.Text>}
          <List
            size="small"
            bordered
            style={{ maxHeight: 320, overflow: 'auto' }}
            dataSource={current.order}
            renderItem={(key, i) => (
              <List.Item>
                <Space>
                  <Typography.Text type="secondary">{i + 1}</Typography.Text>
                  {titleOf(key)}
                </Space>
              </List.Item>
            )}
          />
          <Space>
            {editable && (
              <Upload
                accept=".json"
                showUploadList={false}
                beforeUpload={(file) => {
                  void importFile(file);
                  return false;
                }}
              >
                <Button data-testid="import-file-order">{t('settings.fileOrder.import')}</Button>
              </Upload>
            )}
            <Button onClick={exportFile} data-testid="export-file-order">
              {t('settings.fileOrder.export')}
            </Button>
            {editable && imported && (
              <Button onClick={() => void save(null)} data-testid="reset-file-order">
                {t('settings.fileOrder.resetButton')}
              </Button>
            )}
          </Space>
        </Space>
      )}
    </div>
  );
}
