import {
  ApartmentOutlined,
  ClusterOutlined,
  AppstoreOutlined,
  AuditOutlined,
  AlertOutlined,
  BarChartOutlined,
  FileProtectOutlined,
  FlagOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  BookOutlined,
  CloudUploadOutlined,
  HomeOutlined,
  KeyOutlined,
  SolutionOutlined,
  LineChartOutlined,
  ReadOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
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
  /** other path prefixes (or patterns, which win over prefixes) under which this entry shows as selected (pages opened from it) */
  also?: readonly (string | RegExp)[];
}

const HOME: MenuEntry = { path: '/', label: 'menu.home', icon: <HomeOutlined />, testId: 'menu-home', group: 'main' };
const USERS: MenuEntry = { path: '/users', label: 'menu.users', icon: <TeamOutlined />, testId: 'menu-users', group: 'admin' };
const ORG: MenuEntry = { path: '/organization', label: 'menu.organization', icon: <ApartmentOutlined />, testId: 'menu-organization', group: 'admin' };
const IMPORT: MenuEntry = { path: '/import', label: 'menu.import', icon: <CloudUploadOutlined />, testId: 'menu-import', group: 'admin' };
const PASSWORD: MenuEntry = { path: '/change-password', label: 'menu.changePassword', icon: <KeyOutlined />, testId: 'menu-change-password', group: 'account' };
// courseware
const CATALOG: MenuEntry = { path: '/catalog', label: 'menu.catalog', icon: <AppstoreOutlined />, testId: 'menu-catalog', group: 'main', also: ['/courses/', '/lessons/', '/attempts/'] };
const MY_COURSES: MenuEntry = { path: '/my/courses', label: 'menu.myCourses', icon: <ReadOutlined />, testId: 'menu-my-courses', group: 'main' };
// 我的学习: the year's credit, progress and ledger; a lesson's credit details open from it
const MY_LEARNING: MenuEntry = {
  path: '/my/learning', label: 'menu.myLearning', icon: <LineChartOutlined />, testId: 'menu-my-learning', group: 'main', also: [/^\/lessons\/[^/]+\/credit$/],
};
const COURSE_MANAGE: MenuEntry = { path: '/manage/courses', label: 'menu.courseManage', icon: <BookOutlined />, testId: 'menu-course-manage', group: 'main', also: ['/courses/', '/lessons/'] };
const REVIEW: MenuEntry = { path: '/review', label: 'menu.review', icon: <AuditOutlined />, testId: 'menu-review', group: 'admin' };
// 班次: a trainee's classes (我的班次), or those an instructor teaches and an institution runs (班次管理)
const MY_CLASSES: MenuEntry = { path: '/classes', label: 'menu.myClasses', icon: <SolutionOutlined />, testId: 'menu-classes', group: 'main' };
const CLASS_MANAGE: MenuEntry = { ...MY_CLASSES, label: 'menu.classManage' };
// compliance (P1–P8): an official's year, the admins' dashboards, the system admin's settings
const MY_COMPLIANCE: MenuEntry = { path: '/my/compliance', label: 'menu.myCompliance', icon: <SafetyCertificateOutlined />, testId: 'menu-my-compliance', group: 'main' };
const COMPLIANCE: MenuEntry = { path: '/compliance', label: 'menu.compliance', icon: <BarChartOutlined />, testId: 'menu-compliance', group: 'admin', also: ['/archive/'] };
const POLICY: MenuEntry = { path: '/policy', label: 'menu.policy', icon: <SettingOutlined />, testId: 'menu-policy', group: 'admin' };
// 培训档案, 申诉, 异常提示
const MY_ARCHIVE: MenuEntry = { path: '/my/archive', label: 'menu.myArchive', icon: <FileProtectOutlined />, testId: 'menu-my-archive', group: 'main' };
const MY_APPEALS: MenuEntry = { path: '/appeals', label: 'menu.myAppeals', icon: <FlagOutlined />, testId: 'menu-appeals', group: 'main' };
const APPEALS: MenuEntry = { ...MY_APPEALS, label: 'menu.appeals', group: 'admin' };
const ANOMALIES: MenuEntry = { path: '/anomalies', label: 'menu.anomalies', icon: <AlertOutlined />, testId: 'menu-anomalies', group: 'admin' };
// 任务队列: a page with the button that opens the BullMQ dashboard (bull-board) through a one-time ticket
const QUEUES: MenuEntry = { path: '/queues', label: 'menu.queues', icon: <ClusterOutlined />, testId: 'menu-queues', group: 'admin' };
const CATEGORIES: MenuEntry = { path: '/categories', label: 'menu.categories', icon: <TagsOutlined />, testId: 'menu-categories', group: 'admin' };

/**
 * The menu of each role, and so the pages each role may open. Later features add their
 * entries here (learning records, reports ...).
 */
export const ROLE_MENUS: Record<Role, readonly MenuEntry[]> = {
  official: [HOME, CATALOG, MY_COURSES, MY_LEARNING, MY_COMPLIANCE, MY_CLASSES, MY_ARCHIVE, MY_APPEALS, PASSWORD],
  instructor: [HOME, COURSE_MANAGE, CLASS_MANAGE, PASSWORD],
  // their institution's courses, classes, reviews, instructors and administrators only
  institution_admin: [HOME, COURSE_MANAGE, CLASS_MANAGE, COMPLIANCE, REVIEW, USERS, PASSWORD],
  // browse the catalogue to assign required courses to their units
  org_admin: [HOME, CATALOG, COMPLIANCE, APPEALS, ANOMALIES, USERS, ORG, IMPORT, PASSWORD],
  // every institution's classes (trainees are enrolled by any admin; classes are opened by an institution)
  sys_admin: [HOME, CATALOG, CLASS_MANAGE, COMPLIANCE, APPEALS, ANOMALIES, REVIEW, CATEGORIES, POLICY, QUEUES, USERS, ORG, IMPORT, PASSWORD],
};

export function mayOpen(role: Role, path: string): boolean {
  return ROLE_MENUS[role].some((m) => m.path === path);
}

/** How well a menu entry matches this location: 0 not at all; a pattern beats any prefix. */
function matchStrength(e: MenuEntry, pathname: string): number {
  if (e.path === '/') return pathname === '/' ? 1 : 0;
  if (pathname === e.path || pathname.startsWith(`${e.path}/`)) return e.path.length;
  let best = 0;
  for (const p of e.also ?? []) {
    if (typeof p === 'string' ? pathname.startsWith(p) : p.test(pathname)) best = Math.max(best, typeof p === 'string' ? p.length : 10_000);
  }
  return best;
}

/** Whether a menu entry shows as selected at this location (on its own, whatever the others). */
export function isSelected(e: MenuEntry, pathname: string): boolean {
  return matchStrength(e, pathname) > 0;
}

/** The entries shown as selected: the best matches among a menu's entries. */
export function selectedPaths(entries: readonly MenuEntry[], pathname: string): string[] {
  const strength = entries.map((e) => matchStrength(e, pathname));
  const top = Math.max(0, ...strength);
  return top > 0 ? entries.filter((_, i) => strength[i] === top).map((e) => e.path) : [];
}
