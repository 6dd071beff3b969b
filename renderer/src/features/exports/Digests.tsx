import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A size as people read it: KiB under a MiB, MiB above. */
export const mib = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

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
