import { routes } from '@xueshi/shared';
import { call, download } from './http';

// 培训档案 (P7/P8): an official's year as a record, and its public verification

/** The archive of one official and year; each call issues (or re-issues) its verification code. */
export const fetchArchive = (userId: string, year: number, signal?: AbortSignal) => call(routes.archive, { params: { userId, year }, signal });
export const downloadArchivePdf = (userId: string, year: number) => download(routes.archivePdf, { params: { userId, year } });
export const downloadArchiveXlsx = (userId: string, year: number) => download(routes.archiveXlsx, { params: { userId, year } });
/** public: no token is sent */
export const verifyArchive = (code: string, signal?: AbortSignal) => call(routes.verifyArchive, { params: { code }, signal });
