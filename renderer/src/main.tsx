import { ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import enUSModule from 'antd/locale/en_US.js';
import zhCNModule from 'antd/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { App } from './app/App.tsx';
import i18next from './i18n.ts';
import './styles.css';

// antd's locale files are CommonJS; the bundler unwraps the default, the type checker needs telling.
const unwrap = (m: unknown) => ((m as { default?: Locale }).default ?? m) as Locale;
const enUS = unwrap(enUSModule);
const zhCN = unwrap(zhCNModule);

function Root() {
  const [lng, setLng] = useState(i18next.language);
  useEffect(() => {
    const onChange = (l: string) => setLng(l);
    i18next.on('languageChanged', onChange);
    return () => i18next.off('languageChanged', onChange);
  }, []);
  dayjs.locale(lng === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider
      locale={lng === 'en' ? enUS : zhCN}
      theme={{
        token: {
          colorPrimary: '#1d4e89',
          borderRadius: 4,
          // In English a Latin face comes first, so ’ and “” are not set full-width by the CJK face; Chinese data
          // falls through to the CJK faces either way.
          fontFamily: `${lng === 'en' ? '"Segoe UI", "Noto Sans", "DejaVu Sans", ' : ''}"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif`,
        },
      }}
    >
      <HashRouter>
        <App />
      </HashRouter>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
