import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileDownload } from '../../../../shared/api/contract.ts';
import { saveDownload, toBlob } from '../files.ts';

/** The PDF as it will print, in the browser's own viewer, with print and save-as. */
export function PdfPreview({ file, onClose }: { file: FileDownload | null; onClose(): void }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const url = useMemo(() => (file ? URL.createObjectURL(toBlob(file)) : null), [file]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  return (
    <Modal
      open={!!file}
      onCancel={onClose}
      width={900}
      title={file?.fileName}
      destroyOnHidden
      footer={[
        <Button key="save" onClick={() => file && saveDownload(file)}>
          {t('document.saveAs')}
        </Button>,
        <Button
          key="print"
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => frame.current?.contentWindow?.print()}
        >
          {t('document.print')}
        </Button>,
      ]}
    >
      {url && (
        <iframe
          ref={frame}
          src={url}
          title={file?.fileName}
          style={{ width: '100%', height: '72vh', border: '1px solid #ddd' }}
          data-testid="pdf-frame"
        />
      )}
    </Modal>
  );
}
