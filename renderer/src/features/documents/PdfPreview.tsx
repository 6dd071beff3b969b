import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileDownload } from '../../../../shared/api/contract.ts';
import { saveDownload } from '../files.ts';

function blobUrl(file: FileDownload): string {
  const binary = atob(file.dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/** The PDF as it will print, in the browser's own viewer, with print and save-as. */
export function PdfPreview({ file, onClose }: { file: FileDownload | null; onClose(): void }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const url = useMemo(() => (file ? blobUrl(file) : null), [file]);
  useEffect(() => () => { if (url) URL.revokeObjectURL(url); }, [url]);
  return (
    <Modal open={!!file} onCancel={onClose} width={900} title={file?.fileName} destroyOnHidden
      footer={[
        <Button key="save" onClick={() => file && saveDownload(file)}>{t('document.saveAs')}</Button>,
        <Button key="print" type="primary" icon={<PrinterOutlined />} onClick={() => frame.current?.contentWindow?.print()}>{t('document.print')}</Button>,
      ]}>
      {url && <iframe ref={frame} src={url} title={file?.fileName} style={{ width: '100%', height: '72vh', border: '1px solid #ddd' }} data-testid="pdf-frame" />}
    </Modal>
  );
}
