import { App as AntApp, ConfigProvider, theme as antdTheme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { AuthProvider } from '../features/auth/auth-context';
import { I18nProvider, useI18n } from '../lib/i18n';
import { BRAND } from '../lib/theme';

const FONT =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif";

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{
        algorithm: antdTheme.defaultAlgorithm,
        token: {
          colorPrimary: BRAND.primary,
          colorLink: BRAND.primary,
          colorError: BRAND.seal,
          borderRadius: 6,
          fontFamily: FONT,
          colorBgLayout: BRAND.page,
        },
        components: {
          Layout: { headerBg: BRAND.header, siderBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px' },
          Menu: { itemSelectedBg: '#e8eff9', itemSelectedColor: BRAND.primary },
          Table: { headerBg: '#f5f7fa' },
          Tree: { nodeSelectedBg: '#dbe6f5', nodeHoverBg: '#eef3fa' },
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <LocalizedAntd>
        <AuthProvider>{children}</AuthProvider>
      </LocalizedAntd>
    </I18nProvider>
  );
}
