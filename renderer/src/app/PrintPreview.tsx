import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Spin } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileDownload } from '../../../shared/api/contract.ts';
import { saveDownload, toBlob } from '../features/files.ts';
import { errorMessage } from './errors.ts';

type Open = (load: () => Promise<FileDownload>, title: string) => void;
const PreviewContext = createContext<Open | null>(null);

/**
 * Everything the app prints opens here first — a 执法文书, an approval form, the 评查表, the bound file, a blank
 * form — shown as it will print, with print and save-as: nothing downloads unseen. It opens at once with a
 * spinner while the PDF is made, and a failure is said in it.
 */
export function PrintPreviewProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ title: string; file: FileDownload | null; error: string | null } | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  // A later request replaces an earlier one still loading: only the last opened is shown.
  const current = useRef(0);
  const open = useCallback<Open>((load, title) => {
    const ticket = ++current.current;
    setState({ title, file: null, error: null });
    load().then(
      (file) => ticket === current.current && setState({ title, file, error: null }),
      (e: unknown) => ticket === current.current && setState({ title, file: null, error: errorMessage(e) }),
    );
  }, []);
  const file = state?.file ?? null;
  const url = useMemo(() => (file ? URL.createObjectURL(toBlob(file)) : null), [file]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  const close = () => {
    current.current++;
    setState(null);
  };
  return (
    <PreviewContext.Provider value={open}>
      {children}
      <Modal
        open={!!state}
        onCancel={close}
        width={900}
        title={file?.fileName ?? state?.title}
        destroyOnHidden
        data-testid="print-preview"
        footer={[
          <Button key="save" disabled={!file} onClick={() => file && saveDownload(file)} data-testid="preview-save">
            {t('document.saveAs')}
          </Button>,
          <Button
            key="print"
            type="primary"
            disabled={!file}
            icon={<PrinterOutlined />}
            onClick={() => frame.current?.contentWindow?.print()}
          >
            {t('document.print')}
          </Button>,
        ]}
      >
        {state?.error && <Alert type="error" showIcon message={state.error} />}
        {!file && !state?.error && (
          <div style={{ height: '60vh', display: 'grid', placeItems: 'center' }}>
            <Spin tip={t('document.making')} data-testid="preview-loading">
              <div style={{ width: 200, height: 60 }} />
            </Spin>
          </div>
        )}
        {url && (
          <iframe
            ref={frame}
            src={url}
            title={file?.fileName}
            style={{ width: '100%', height: '68vh', border: '1px solid #ddd' }}
            data-testid="pdf-frame"
          />
        )}
      </Modal>
    </PreviewContext.Provider>
  );
}

/** Opens the preview of a PDF the core makes; `title` names it while it is being made. */
export function usePrintPreview(): Open {
  const open = useContext(PreviewContext);
  if (!open) throw new Error('usePrintPreview outside PrintPreviewProvider');
  return open;
}
