import {
  routes,
  type CreateUserRequest,
  type ImportQuery,
  type ImportReport,
  type ListUsersQuery,
  type UpdateUserRequest,
} from '@xueshi/shared';
import { ApiError, call, download, upload } from './http';

export const listUsers = (query: ListUsersQuery, signal?: AbortSignal) => call(routes.listUsers, { query, signal });
export const createUser = (body: CreateUserRequest) => call(routes.createUser, { body });
export const updateUser = (id: string, body: UpdateUserRequest) => call(routes.updateUser, { params: { id }, body });
export const resetPassword = (id: string) => call(routes.resetPassword, { params: { id } });
/** 强制下线: end every session of the user. */
export const revokeUserSessions = (id: string) => call(routes.revokeUserSessions, { params: { id } });

export const downloadImportTemplate = () => download(routes.importTemplate);

/**
 * Upload an import file. A rejected all-or-nothing import (422 IMPORT_REJECTED) carries the
 * same report as a success, so both come back as a report; anything else is thrown.
 */
export async function importUsers(file: File, query: ImportQuery): Promise<ImportReport> {
  try {
    return await upload(routes.importUsers, file, { query });
  } catch (e) {
    if (e instanceof ApiError && e.code === 'IMPORT_REJECTED' && isReport(e.details)) return e.details;
    throw e;
  }
}

function isReport(v: unknown): v is ImportReport {
  return typeof v === 'object' && v !== null && Array.isArray((v as ImportReport).rows) && typeof (v as ImportReport).total === 'number';
}
