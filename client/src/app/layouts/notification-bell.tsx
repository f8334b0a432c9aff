import { BellOutlined } from '@ant-design/icons';
import type { NotificationView } from '@xueshi/shared';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { fetchNotifications, markNotificationRead } from '../../api/compliance';
import { useI18n } from '../../lib/i18n';
import { BRAND } from '../../lib/theme';

const POLL_MS = 60_000;

interface State {
  items: NotificationView[];
  unread: number;
}

/** The header's bell: unread in-app notifications (reminders …); a click marks one read and follows its link. */
export function NotificationBell({ light = true }: { light?: boolean }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [state, setState] = useState<State | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const ctrl = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    ctrl.current?.abort();
    const c = new AbortController();
    ctrl.current = c;
    try {
      const r = await fetchNotifications(c.signal);
      if (!c.signal.aborted) setState(r);
    } catch {
      // the bell is a convenience: a failed poll keeps what it had
    }
  }, []);

  // on each page change, every minute while the tab is visible, and when it shows again
  useEffect(() => {
    void load();
  }, [load, pathname]);
  useEffect(() => {
    const timer = setInterval(() => document.visibilityState === 'visible' && void load(), POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      ctrl.current?.abort();
    };
  }, [load]);

  const follow = async (n: NotificationView) => {
    setBusy(n.id);
    try {
      if (!n.readAt) setState(await markNotificationRead(n.id));
    } catch {
      // still follow the link; the notification stays unread
    } finally {
      setBusy(null);
    }
    if (n.link) {
      setOpen(false);
      // an absolute link to this site is followed inside the app
      const to = n.link.startsWith(window.location.origin) ? n.link.slice(window.location.origin.length) : n.link;
      if (to.startsWith('/')) navigate(to);
      else window.open(to, '_blank', 'noopener');
    }
  };

  const unread = state?.unread ?? 0;
  const panel = (
    <div style={{ width: 360, maxWidth: 'calc(100vw - 32px)' }} data-testid="notif-panel">
      <Flex justify="space-between" align="center" style={{ padding: '4px 4px 8px', borderBottom: '1px solid #eef1f5' }}>
        <Typography.Text strong>{t('notif.title')}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {unread ? t('notif.unread', { n: unread }) : t('notif.allRead')}
        </Typography.Text>
      </Flex>
      {!state ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : state.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notif.empty')} style={{ margin: '16px 0' }} />
      ) : (
        <div style={{ maxHeight: 420, overflowY: 'auto' }} data-testid="notif-list">
          {state.items.map((n) => (
            <div
              key={n.id}
              role="button"
              tabIndex={0}
              onClick={() => void follow(n)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && void follow(n)}
              className="xs-notif"
              data-testid={`notif-item-${n.id}`}
              data-read={!!n.readAt}
              style={{
                display: 'flex',
                gap: 10,
                padding: '10px 6px',
                borderBottom: '1px solid #f3f5f8',
                cursor: 'pointer',
                opacity: busy === n.id ? 0.6 : 1,
                background: n.readAt ? undefined : '#f5f8fd',
              }}
            >
              <span
                style={{ flex: 'none', width: 8, height: 8, marginTop: 7, borderRadius: 4, background: n.readAt ? 'transparent' : BRAND.seal }}
                aria-hidden
              />
              <div style={{ minWidth: 0, flex: 1 }}>
                <div style={{ fontSize: 13, lineHeight: 1.5, color: n.readAt ? '#5b6675' : '#1f2937', fontWeight: n.readAt ? 400 : 500 }}>
                  {lang === 'en' ? n.en : n.zh}
                </div>
                <div className="xs-mono" style={{ fontSize: 12, color: '#8c96a3', marginTop: 2 }}>
                  {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                </div>
              </div>
            </div>
          ))}
        </div>
      )}
    </div>
  );

  return (
    <Popover
      content={panel}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) void load();
      }}
      arrow={false}
    >
      <Button
        type="text"
        aria-label={t('notif.title')}
        data-testid="notif-bell"
        data-count={unread}
        style={{ color: light ? 'rgba(255,255,255,0.92)' : undefined, paddingInline: 8 }}
      >
        <Badge count={unread} size="small" offset={[2, -2]} data-testid="notif-count">
          <BellOutlined style={{ fontSize: 18, color: light ? 'rgba(255,255,255,0.92)' : undefined }} />
        </Badge>
      </Button>
    </Popover>
  );
}
