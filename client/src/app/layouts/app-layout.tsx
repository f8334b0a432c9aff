import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@xueshi/shared';
import { Avatar, Button, Flex, Grid, Layout, Menu, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { BrandMark } from '../../components/brand-mark';
import { LanguageSwitch } from '../../components/language-switch';
import { useAuth, useMe } from '../../features/auth/auth-context';
import { useI18n } from '../../lib/i18n';
import { BRAND } from '../../lib/theme';
import { ROLE_MENUS, selectedPaths } from './menus';
import { NotificationBell } from './notification-bell';

const { Header, Sider, Content, Footer } = Layout;

function Brand({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  return (
    <Flex align="center" gap={12} style={{ minWidth: 0 }}>
      <BrandMark size={34} />
      <div style={{ lineHeight: 1.15, whiteSpace: 'nowrap' }}>
        <div style={{ color: '#fff', fontSize: 20, fontWeight: 600, letterSpacing: 2 }}>学时</div>
        {!compact && <div style={{ color: 'rgba(255,255,255,0.72)', fontSize: 12 }}>{t('app.subtitle')}</div>}
      </div>
    </Flex>
  );
}

/** The signed-in frame: header, the role's menu, the page. */
export function AppLayout() {
  const me = useMe();
  const { logout } = useAuth();
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const narrow = !screens.md;
  // until the initial password is changed, nothing else is offered
  const locked = me.mustChangePassword;

  const entries = ROLE_MENUS[me.role];
  const items = useMemo<MenuProps['items']>(() => {
    const groups: { key: string; title: string | null; entries: typeof entries }[] = [
      { key: 'main', title: null, entries: entries.filter((e) => e.group === 'main') },
      { key: 'admin', title: t('home.adminTitle'), entries: entries.filter((e) => e.group === 'admin') },
      { key: 'account', title: t('menu.account'), entries: entries.filter((e) => e.group === 'account') },
    ];
    type Item = NonNullable<MenuProps['items']>[number];
    const toItem = (e: (typeof entries)[number]): Item => ({
      key: e.path,
      icon: e.icon,
      label: <span data-testid={e.testId}>{t(e.label)}</span>,
    });
    return groups
      .filter((g) => g.entries.length > 0)
      .flatMap((g): Item[] => (g.title ? [{ type: 'group' as const, key: g.key, label: g.title, children: g.entries.map(toItem) }] : g.entries.map(toItem)));
  }, [entries, t]);

  const selected = selectedPaths(entries, pathname);

  const place = me.orgUnitName ?? me.institutionName;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 20,
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          background: `linear-gradient(90deg, ${BRAND.headerDeep} 0%, ${BRAND.header} 60%, ${BRAND.primary} 100%)`,
          boxShadow: '0 1px 4px rgba(0,21,41,0.25)',
        }}
      >
        {!locked && (
          <Button
            type="text"
            aria-label="menu"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed((c) => !c)}
            style={{ color: '#fff' }}
          />
        )}
        <Brand compact={narrow} />
        <div style={{ flex: 1 }} />
        <LanguageSwitch light compact={narrow} />
        {!locked && <NotificationBell />}
        <Flex align="center" gap={8} data-testid="header-user" style={{ minWidth: 0 }}>
          <Tooltip title={narrow ? `${me.name} · ${label(ROLE_LABELS[me.role])}` : undefined}>
            <Avatar style={{ background: BRAND.seal, flex: 'none' }} size={30}>
              {me.name.slice(0, 1)}
            </Avatar>
          </Tooltip>
          {!narrow && (
            <Tooltip title={place ?? undefined}>
              <Typography.Text style={{ color: '#fff', whiteSpace: 'nowrap' }} data-testid="header-user-name">
                {me.name}
              </Typography.Text>
            </Tooltip>
          )}
          {!narrow && (
          <Tag
            variant="outlined"
            style={{ color: '#fff', borderColor: 'rgba(255,255,255,0.5)', background: 'transparent', marginInlineEnd: 0 }}
            data-testid="header-role"
          >
            {label(ROLE_LABELS[me.role])}
          </Tag>
          )}
        </Flex>
        <Button
          type="text"
          icon={<LogoutOutlined />}
          style={{ color: 'rgba(255,255,255,0.92)' }}
          data-testid="logout"
          onClick={async () => {
            await logout();
            navigate('/login', { replace: true });
          }}
        >
          {narrow ? null : t('auth.logout')}
        </Button>
      </Header>
      <Layout>
        {!locked && (
          <Sider
            width={216}
            collapsedWidth={narrow ? 0 : 64}
            collapsible
            collapsed={collapsed}
            trigger={null}
            breakpoint="md"
            onBreakpoint={(broken) => setCollapsed(broken)}
            style={{
              borderRight: '1px solid #e8ebf0',
              position: narrow ? 'fixed' : 'sticky',
              insetInlineStart: 0,
              top: 56,
              height: 'calc(100vh - 56px)',
              overflow: 'auto',
              zIndex: 30,
              boxShadow: narrow && !collapsed ? '2px 0 12px rgba(0,0,0,0.15)' : undefined,
            }}
          >
            <Menu
              mode="inline"
              items={items}
              selectedKeys={selected}
              onClick={({ key }) => {
                navigate(key);
                if (narrow) setCollapsed(true);
              }}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
              data-testid="main-menu"
            />
          </Sider>
        )}
        {!locked && narrow && !collapsed && (
          <div
            onClick={() => setCollapsed(true)}
            style={{ position: 'fixed', inset: '56px 0 0 0', background: 'rgba(0,0,0,0.25)', zIndex: 25 }}
          />
        )}
        <Layout>
          <Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
            <Outlet />
          </Content>
          <Footer style={{ textAlign: 'center', color: '#8c96a3', fontSize: 12, padding: '12px 24px 20px', background: 'transparent' }}>
            {t('app.footer')}
          </Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
