import { TranslationOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useI18n } from '../lib/i18n';

/** 中文 ⇄ English; the choice is remembered in localStorage. */
export function LanguageSwitch({ light = false, compact = false }: { light?: boolean; compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Tooltip title={t('lang.switchTitle')}>
      <Button
        type="text"
        icon={<TranslationOutlined />}
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        data-testid="lang-switch"
        lang={lang === 'zh' ? 'en' : 'zh-CN'}
        style={light ? { color: 'rgba(255,255,255,0.92)' } : undefined}
      >
        {compact ? null : t('lang.switch')}
      </Button>
    </Tooltip>
  );
}
