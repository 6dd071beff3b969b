import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Spin } from 'antd';
import {
  createContext,
  type ReactNode,
  type Ref,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
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
        {state && <PdfFrame file={file} error={state.error} frameRef={frame} />}
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

/**
 * A PDF shown as it will print, in the page: a spinner while it is being made (`file` and `error` both null), what
 * failed, or the PDF itself. The preview above shows it, and so does anything that shows a PDF beside its own controls
 * (统计报表's 打印通报); `frameRef` reaches the frame to print it.
 */
export function PdfFrame({
  file,
  error,
  height = '68vh',
  frameRef,
}: {
  file: FileDownload | null;
  error: string | null;
  height?: string;
  frameRef?: Ref<HTMLIFrameElement>;
}) {
  const { t } = useTranslation();
  const url = useMemo(() => (file ? URL.createObjectURL(toBlob(file)) : null), [file]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  if (error) return <Alert type="error" showIcon title={error} data-testid="preview-error" />;
  if (!url)
    return (
      <div style={{ height, display: 'grid', placeItems: 'center' }}>
        <Spin description={t('document.making')} data-testid="preview-loading">
          <div style={{ width: 200, height: 60 }} />
        </Spin>
      </div>
    );
  return (
    <iframe
      ref={frameRef}
      src={url}
      title={file?.fileName}
      style={{ width: '100%', height, border: '1px solid #ddd', display: 'block' }}
      data-testid="pdf-frame"
    />
  );
}
