import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Grid, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/http';
import { BrandMark } from '../../components/brand-mark';
import { LanguageSwitch } from '../../components/language-switch';
import { BRAND } from '../../lib/theme';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAuth } from './auth-context';

interface LoginForm {
  username: string;
  password: string;
}

function retryAfter(e: unknown): number | null {
  if (!(e instanceof ApiError) || e.code !== 'TOO_MANY_ATTEMPTS') return null;
  const s = (e.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof s === 'number' && s > 0 ? Math.ceil(s) : null;
}

function Hero() {
  return (
    <Flex
      vertical
      justify="space-between"
      style={{
        flex: '1 1 50%',
        padding: '48px 56px',
        color: '#fff',
        background: `radial-gradient(circle at 85% 15%, rgba(255,255,255,0.10) 0, rgba(255,255,255,0) 40%),
          linear-gradient(150deg, ${BRAND.headerDeep} 0%, ${BRAND.header} 55%, ${BRAND.primary} 100%)`,
        position: 'relative',
        overflow: 'hidden',
      }}
    >
      <Flex align="center" gap={14}>
        <BrandMark size={48} />
        <div>
          <div style={{ fontSize: 30, fontWeight: 600, letterSpacing: 6, lineHeight: 1.1 }}>学时</div>
          <div style={{ fontSize: 13, opacity: 0.75, letterSpacing: 1 }}>XUESHI</div>
        </div>
      </Flex>
      <div style={{ maxWidth: 460 }}>
        <div style={{ fontSize: 32, fontWeight: 600, letterSpacing: 4, marginBottom: 8 }}>公务员网络培训平台</div>
        <div style={{ fontSize: 18, opacity: 0.85, marginBottom: 24 }}>Online training for civil servants</div>
        <div style={{ width: 48, height: 3, background: '#f6d36b', marginBottom: 24 }} />
        <div style={{ fontSize: 14, lineHeight: 1.9, opacity: 0.85 }}>
          学习有记录 · 学时可信 · 培训可查
          <br />
          <span style={{ opacity: 0.8 }}>Every hour of learning, recorded and trusted</span>
        </div>
      </div>
      <div style={{ fontSize: 12, opacity: 0.6 }}>重庆市公务员局 · Chongqing Civil Service Bureau</div>
    </Flex>
  );
}

export function LoginPage() {
  const { t } = useI18n();
  const { user, login, endedReason } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<LoginForm>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!waitUntil) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= waitUntil) setWaitUntil(null);
    }, 500);
    return () => clearInterval(timer);
  }, [waitUntil]);

  const from = (location.state as { from?: string } | null)?.from;
  if (user) return <Navigate to={user.mustChangePassword ? '/change-password' : (from ?? '/')} replace />;

  const secondsLeft = waitUntil ? Math.max(0, Math.ceil((waitUntil - now) / 1000)) : 0;

  const onFinish = async (v: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const me = await login({ username: v.username.trim(), password: v.password });
      navigate(me.mustChangePassword ? '/change-password' : (from ?? '/'), { replace: true });
    } catch (e) {
      setError(errorMessage(e));
      const wait = retryAfter(e);
      if (wait) {
        setNow(Date.now());
        setWaitUntil(Date.now() + wait * 1000);
      }
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex style={{ minHeight: '100vh', background: BRAND.page }} vertical={!screens.md}>
      {screens.md ? (
        <Hero />
      ) : (
        <Flex align="center" gap={12} style={{ padding: '20px 20px 0' }}>
          <BrandMark size={40} />
          <div>
            <div style={{ fontSize: 22, fontWeight: 600, letterSpacing: 4, color: BRAND.headerDeep }}>学时</div>
            <div style={{ fontSize: 12, color: '#5b6675' }}>公务员网络培训平台 · Online training for civil servants</div>
          </div>
        </Flex>
      )}
      <Flex vertical style={{ flex: '1 1 50%', padding: screens.md ? '24px 48px' : 16 }}>
        <Flex justify="flex-end">
          <LanguageSwitch />
        </Flex>
        <Flex flex={1} align="center" justify="center">
          <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 6px 24px rgba(15,44,84,0.08)' }} styles={{ body: { padding: 32 } }}>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
              {t('auth.loginTitle')}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
              {t('auth.loginHint')}
            </Typography.Paragraph>
            {endedReason === 'expired' && !error && (
              <Alert type="warning" showIcon title={t('auth.sessionEnded')} style={{ marginBottom: 16 }} />
            )}
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
            <Form<LoginForm> form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false} data-testid="login-form">
              <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" maxLength={64} />
              </Form.Item>
              <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" maxLength={128} />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                block
                loading={submitting}
                disabled={secondsLeft > 0}
                data-testid="login-submit"
                style={{ marginTop: 8 }}
              >
                {secondsLeft > 0 ? t('auth.retryIn', { seconds: secondsLeft }) : t('auth.login')}
              </Button>
            </Form>
          </Card>
        </Flex>
      </Flex>
    </Flex>
  );
}
