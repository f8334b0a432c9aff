import { KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { CopyButton } from '../../components/copy-button';
import { useI18n } from '../../lib/i18n';

export interface InitialPassword {
  username: string;
  name: string;
  password: string;
}

/** Shows a server-generated one-time password once, with a copy button. */
export function InitialPasswordModal({ value, onClose }: { value: InitialPassword | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={!!value}
      title={
        <span>
          <KeyOutlined style={{ marginInlineEnd: 8 }} />
          {t('user.initialPasswordTitle')}
        </span>
      }
      mask={{ closable: false }}
      keyboard={false}
      closable={false}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="initial-password-close">
          {t('common.ok')}
        </Button>
      }
      data-testid="initial-password-modal"
    >
      {value && (
        <>
          <Typography.Paragraph>{t('user.initialPasswordFor', { username: value.username, name: value.name })}</Typography.Paragraph>
          <Flex align="center" gap={12} style={{ marginBottom: 16 }}>
            <Typography.Text
              className="xs-mono"
              data-testid="initial-password"
              style={{ fontSize: 22, letterSpacing: 1, padding: '6px 14px', background: '#f5f7fa', border: '1px solid #e3e8ef', borderRadius: 6 }}
            >
              {value.password}
            </Typography.Text>
            <CopyButton text={value.password} testId="initial-password-copy" />
          </Flex>
          <Alert type="warning" showIcon title={t('user.initialPasswordOnce')} />
        </>
      )}
    </Modal>
  );
}
