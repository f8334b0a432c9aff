import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Password } from '@xueshi/shared';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { showServerError } from '../../lib/server-errors';
import { zodRule } from '../../lib/zod-rule';
import { useAuth, useMe } from './auth-context';
import { SessionsCard } from './sessions-card';

interface ChangeForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordPage() {
  const me = useMe();
  const { changePassword } = useAuth();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ChangeForm>();
  const [saving, setSaving] = useState(false);
  // a password change signs the other devices out: the list is read again
  const [changes, setChanges] = useState(0);
  const forced = me.mustChangePassword;

  const onFinish = async (v: ChangeForm) => {
    setSaving(true);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      message.success(t('auth.passwordChanged'));
      form.resetFields();
      setChanges((n) => n + 1);
      if (forced) navigate('/', { replace: true });
    } catch (e) {
      showServerError(e, message, form, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div style={{ maxWidth: 520, margin: forced ? '24px auto' : '0 auto' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          <SafetyCertificateOutlined style={{ marginInlineEnd: 8, color: '#1d4f91' }} />
          {forced ? t('auth.mustChangeTitle') : t('auth.changePassword')}
        </Typography.Title>
        {forced ? (
          <Alert type="info" showIcon title={t('auth.mustChangeHint')} style={{ marginBottom: 20 }} data-testid="must-change-notice" />
        ) : (
          <Typography.Paragraph type="secondary">{t('auth.otherSessionsNote')}</Typography.Paragraph>
        )}
        <Form<ChangeForm> form={form} layout="vertical" onFinish={onFinish} data-testid="change-password-form">
          <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" data-testid="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.newPassword')}
            extra={t('auth.passwordRule')}
            dependencies={['currentPassword']}
            rules={[
              { required: true, message: t('auth.passwordRequired') },
              zodRule(Password, lang, t('auth.passwordRule')),
              ({ getFieldValue }) => ({
                validator: async (_, value: string) => {
                  if (value && value === getFieldValue('currentPassword')) throw new Error(t('auth.passwordSame'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('auth.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('auth.passwordRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, value: string) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error(t('auth.confirmMismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="confirm-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="change-password-submit">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
      {/* before the first password change only that change is open */}
      {forced ? null : <SessionsCard key={changes} />}
    </div>
  );
}
