import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useI18n } from '../lib/i18n';

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  // plain-http deployments have no async clipboard: fall back to a selected textarea
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  const ok = document.execCommand('copy');
  ta.remove();
  if (!ok) throw new Error('copy failed');
}

export function CopyButton({ text, testId }: { text: string; testId?: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [done, setDone] = useState(false);
  return (
    <Button
      icon={done ? <CheckOutlined /> : <CopyOutlined />}
      data-testid={testId}
      onClick={async () => {
        try {
          await copyText(text);
          setDone(true);
          message.success(t('common.copied'));
        } catch {
          message.error(t('common.copyFailed'));
        }
      }}
    >
      {done ? t('common.copied') : t('common.copy')}
    </Button>
  );
}
