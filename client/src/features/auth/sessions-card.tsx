import { DesktopOutlined, MobileOutlined } from '@ant-design/icons';
import type { SessionList, SessionView } from '@xueshi/shared';
import { Alert, App, Button, Card, Flex, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { listMySessions, revokeMySession, revokeOtherSessions } from '../../api/auth';
import { useI18n } from '../../lib/i18n';
import { errorMessage, showServerError } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';

/** "Chrome · Windows" from a User-Agent: enough to recognise one's own devices. */
export function describeAgent(ua: string | null): { text: string | null; mobile: boolean } {
  if (!ua) return { text: null, mobile: false };
  const browser =
    /Edg\//.test(ua) ? 'Edge' : /MicroMessenger/i.test(ua) ? '微信' : /Firefox\//.test(ua) ? 'Firefox' : /Chrome\/|Chromium\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : null;
  const os =
    /Windows/.test(ua) ? 'Windows' : /Android/.test(ua) ? 'Android' : /iPhone|iPad|iPod/.test(ua) ? 'iOS' : /Mac OS X|Macintosh/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : null;
  const mobile = /Mobile|Android|iPhone|iPad/.test(ua);
  const parts = [browser, os].filter(Boolean);
  return { text: parts.length ? parts.join(' · ') : ua.slice(0, 60), mobile };
}

/** 登录设备: the caller's signed-in sessions, each of the others can be signed out at once. */
export function SessionsCard() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const { data, loading, error, reload } = useAsync<SessionList>((signal) => listMySessions(signal), []);
  const items = data?.items ?? [];
  const others = items.filter((s) => !s.current).length;
  const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

  const revokeOne = (s: SessionView) =>
    modal.confirm({
      title: t('auth.sessionRevoke'),
      content: t('auth.sessionRevokeConfirm'),
      okText: t('auth.sessionRevoke'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      onOk: async () => {
        try {
          await revokeMySession(s.id);
          message.success(t('auth.sessionRevoked'));
        } catch (e) {
          showServerError(e, message);
        }
        reload();
      },
    });

  const revokeOthers = () =>
    modal.confirm({
      title: t('auth.sessionsRevokeOthers'),
      content: t('auth.sessionsRevokeOthersConfirm'),
      okText: t('auth.sessionsRevokeOthers'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      onOk: async () => {
        try {
          const r = await revokeOtherSessions();
          message.success(t('auth.sessionsRevokedOthers', { count: r.revoked }));
        } catch (e) {
          showServerError(e, message);
        }
        reload();
      },
    });

  return (
    <Card
      title={t('auth.sessions')}
      style={{ marginTop: 16 }}
      data-testid="sessions-card"
      extra={
        <Button danger size="small" disabled={others === 0} onClick={revokeOthers} data-testid="sessions-revoke-others">
          {t('auth.sessionsRevokeOthers')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('auth.sessionsHint')}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} /> : null}
      {loading && !data ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : (
        <div data-testid="sessions-list">
          {items.map((s) => {
            const agent = describeAgent(s.userAgent);
            const Icon = agent.mobile ? MobileOutlined : DesktopOutlined;
            return (
              <Flex
                key={s.id}
                gap={12}
                align="center"
                style={{ padding: '12px 0', borderTop: '1px solid #f0f2f5' }}
                data-testid={s.current ? 'session-current' : 'session-item'}
              >
                <Icon style={{ fontSize: 20, color: '#1d4f91', flex: 'none' }} />
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Flex gap={8} align="center" wrap>
                    <Typography.Text strong>{agent.text ?? t('auth.sessionUnknownDevice')}</Typography.Text>
                    {s.ip ? (
                      <span className="xs-mono" style={{ fontSize: 12, color: '#8c96a3' }}>
                        {s.ip}
                      </span>
                    ) : null}
                    {s.current ? <Tag color="green">{t('auth.sessionCurrent')}</Tag> : null}
                  </Flex>
                  <Flex gap={4} wrap style={{ fontSize: 12, color: '#8c96a3', marginTop: 2 }}>
                    <span>{t('auth.sessionSignedIn', { time: time(s.signedInAt) })}</span>
                    <span aria-hidden>·</span>
                    <span>{t('auth.sessionLastActive', { time: time(s.lastActiveAt) })}</span>
                  </Flex>
                </div>
                {s.current ? null : (
                  <Button danger size="small" onClick={() => revokeOne(s)} data-testid={`session-revoke-${s.id}`}>
                    {t('auth.sessionRevoke')}
                  </Button>
                )}
              </Flex>
            );
          })}
        </div>
      )}
    </Card>
  );
}
