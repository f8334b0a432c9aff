import { routes, type AnomalyView } from '@xueshi/shared';
import { call, download } from './http';

// 申诉 appeals against uncounted time, and 异常提示 anomaly flags for a supervisor to judge

export type AppealStatusFilter = 'all' | 'open' | 'accepted' | 'rejected';
export interface AnomalyFilter {
  year?: number;
  kind?: AnomalyView['kind'];
}

export const createAppeal = (lessonId: string, reason: string) => call(routes.createAppeal, { body: { lessonId, reason } });
export const fetchAppeals = (query: { status: AppealStatusFilter; page: number; pageSize: number }, signal?: AbortSignal) =>
  call(routes.listAppeals, { query, signal });
export const fetchAppeal = (id: string, signal?: AbortSignal) => call(routes.getAppeal, { params: { id }, signal });
export const decideAppeal = (id: string, body: { decision: 'accepted' | 'rejected'; hours?: number; reason: string }) =>
  call(routes.decideAppeal, { params: { id }, body });
export const exportAppeals = (status: AppealStatusFilter) => download(routes.exportAppeals, { query: { status } });

export const fetchAnomalies = (filter: AnomalyFilter, signal?: AbortSignal) => call(routes.anomalies, { query: filter, signal });
export const exportAnomalies = (filter: AnomalyFilter) => download(routes.exportAnomalies, { query: { ...filter } });
