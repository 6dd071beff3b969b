import { CloudDownloadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, InputNumber, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { saveDownload } from '../files.ts';

/** A size as people read it: KiB under a MiB, MiB above. */
export const mib = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Saves a package (or one of its volumes) made here, saying why when it cannot. */
export function useSavePackage(): (name: string) => void {
  const { message } = App.useApp();
  return useCallback(
    (name: string) =>
      void api.exports
        .download({ name })
        .then(saveDownload)
        .catch((e) => message.error(errorMessage(e))),
    [message],
  );
}

/** A package's size and its two digests, each to copy. */
export function Digests({ bytes, sha256, sm3 }: { bytes: number; sha256: string; sm3: string }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1}>
      <Descriptions.Item label={t('exports.size')}>{mib(bytes)}</Descriptions.Item>
      <Descriptions.Item label="SHA-256">
        <Typography.Text className="mono" copyable>
          {sha256}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="SM3">
        <Typography.Text className="mono" copyable>
          {sm3}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The volumes a package was cut into for the portal's upload limit, each to download and upload in turn. */
export function VolumeList({ volumes }: { volumes: { name: string; bytes: number; sha256: string; sm3: string }[] }) {
  const { t } = useTranslation();
  const save = useSavePackage();
  if (!volumes.length) return null;
  return (
    <Space direction="vertical" size={2} data-testid="export-volumes">
      <Typography.Text>{t('exports.volumes.cut', { count: volumes.length })}</Typography.Text>
      {volumes.map((v) => (
        <Space key={v.name} size="small">
          <a onClick={() => save(v.name)}>
            <CloudDownloadOutlined /> <span className="mono">{v.name}</span>
          </a>
          <Typography.Text type="secondary">{mib(v.bytes)}</Typography.Text>
          <Typography.Text type="secondary" className="mono" copyable={{ text: v.sha256 }}>
            SHA-256 {v.sha256.slice(0, 16)}…
          </Typography.Text>
        </Space>
      ))}
      <Typography.Text type="secondary">{t('exports.volumes.hint')}</Typography.Text>
    </Space>
  );
}

/**
 * The portal's upload limit: a package larger is also cut into volumes of this size. Set by whoever manages the
 * settings; said to everyone else.
 */
export function VolumeSetting() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [value, setValue] = useState<number | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.settings
      .get()
      .then((s) => setValue(s.exportVolumeMiB))
      .catch((e) => message.error(errorMessage(e)));
  }, [message]);
  if (value === undefined) return null;
  if (!can('settings.manage'))
    return (
      <Typography.Text type="secondary" data-testid="export-volume-setting">
        {value ? t('exports.volumes.setting', { size: value }) : t('exports.volumes.none')}
      </Typography.Text>
    );
  const save = async () => {
    setBusy(true);
    try {
      const s = await api.settings.update({ exportVolumeMiB: value });
      setValue(s.exportVolumeMiB);
      message.success(t('common.saved'));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space data-testid="export-volume-setting">
      <Typography.Text type="secondary">{t('exports.volumes.label')}</Typography.Text>
      <InputNumber
        min={1}
        max={256}
        precision={0}
        value={value}
        placeholder={t('exports.volumes.placeholder')}
        addonAfter="MiB"
        onChange={(v) => setValue(v ?? null)}
        data-testid="export-volume-mib"
      />
      <Button size="small" loading={busy} onClick={() => void save()} data-testid="export-volume-save">
        {t('common.save')}
      </Button>
    </Space>
  );
}
