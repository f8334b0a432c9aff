import { ApartmentOutlined, CloudUploadOutlined, HomeOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import type { Role } from '@xueshi/shared';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../lib/i18n';

export interface MenuEntry {
  /** the route path, also the menu key */
  path: string;
  label: MessageKey;
  icon: ReactNode;
  testId: string;
  group: 'main' | 'admin' | 'account';
}

const HOME: MenuEntry = { path: '/', label: 'menu.home', icon: <HomeOutlined />, testId: 'menu-home', group: 'main' };
const USERS: MenuEntry = { path: '/users', label: 'menu.users', icon: <TeamOutlined />, testId: 'menu-users', group: 'admin' };
const ORG: MenuEntry = { path: '/organization', label: 'menu.organization', icon: <ApartmentOutlined />, testId: 'menu-organization', group: 'admin' };
const IMPORT: MenuEntry = { path: '/import', label: 'menu.import', icon: <CloudUploadOutlined />, testId: 'menu-import', group: 'admin' };
const PASSWORD: MenuEntry = { path: '/change-password', label: 'menu.changePassword', icon: <KeyOutlined />, testId: 'menu-change-password', group: 'account' };

/**
 * The menu of each role, and so the pages each role may open. Later features add their
 * entries here (courses, learning, classes, reports ...).
 */
export const ROLE_MENUS: Record<Role, readonly MenuEntry[]> = {
  official: [HOME, PASSWORD],
  instructor: [HOME, PASSWORD],
  // their institution's instructors and administrators only
  institution_admin: [HOME, USERS, PASSWORD],
  org_admin: [HOME, USERS, ORG, IMPORT, PASSWORD],
  sys_admin: [HOME, USERS, ORG, IMPORT, PASSWORD],
};

export function mayOpen(role: Role, path: string): boolean {
  return ROLE_MENUS[role].some((m) => m.path === path);
}
