import { routes, type ComplianceListQuery, type PolicyUpdate } from '@xueshi/shared';
import { call, download } from './http';

// 年度达标 (P1–P8): an official's year, the admins' dashboard and list, reminders, notifications, policy

export const fetchMyCompliance = (year: number, signal?: AbortSignal) => call(routes.myCompliance, { query: { year }, signal });
export const fetchOfficialCompliance = (id: string, year: number, signal?: AbortSignal) =>
  call(routes.officialCompliance, { params: { id }, query: { year }, signal });
export const fetchComplianceList = (query: ComplianceListQuery, signal?: AbortSignal) => call(routes.complianceList, { query, signal });
export const downloadComplianceList = (query: ComplianceListQuery) => download(routes.exportComplianceList, { query: query as Record<string, unknown> });
export const fetchDashboard = (year: number, orgUnitId: string | undefined, signal?: AbortSignal) =>
  call(routes.complianceDashboard, { query: { year, orgUnitId }, signal });
export const sendReminders = (year: number, orgUnitId: string | undefined) => call(routes.sendReminders, { body: { year, orgUnitId } });

export const fetchNotifications = (signal?: AbortSignal) => call(routes.myNotifications, { signal });
export const markNotificationRead = (id: string) => call(routes.readNotification, { params: { id } });

export const fetchPolicy = (year: number, signal?: AbortSignal) => call(routes.getPolicy, { params: { year }, signal });
export const updatePolicy = (year: number, body: PolicyUpdate) => call(routes.updatePolicy, { params: { year }, body });
