import {
  routes,
  type AttendanceUpdate,
  type BodyOf,
  type ClassInput,
  type ClassUpdate,
  type MembersImportReport,
  type OfflineSessionInput,
} from '@xueshi/shared';
import { ApiError, call, download, upload } from './http';

// 班次: training classes and their assessment records (写实记录、民主评议、教师评分、结业考试)

export const fetchClasses = (signal?: AbortSignal) => call(routes.listClasses, { signal });
export const fetchClass = (id: string, signal?: AbortSignal) => call(routes.getClass, { params: { id }, signal });
export const createClass = (body: ClassInput) => call(routes.createClass, { body });
/** all or none: a 400 naming `userIds` carries `details.missing` */
export const fetchClassCandidates = (id: string, q?: string) => call(routes.classCandidates, { params: { id }, query: { q } });
export const addClassMembers = (id: string, userIds: string[]) => call(routes.addClassMembers, { params: { id }, body: { userIds } });

// 写实记录: a trainee's own entries, or (instructors, admins) every member's or one member's
export const fetchJournal = (id: string, userId?: string, signal?: AbortSignal) => call(routes.listJournal, { params: { id }, query: { userId }, signal });
export const addJournalEntry = (id: string, body: BodyOf<typeof routes.addJournalEntry>) => call(routes.addJournalEntry, { params: { id }, body });

// 民主评议 (trainees)
export const fetchPeerReview = (id: string, signal?: AbortSignal) => call(routes.peerReviewState, { params: { id }, signal });
export const submitPeerReview = (id: string, body: BodyOf<typeof routes.submitPeerReview>) => call(routes.submitPeerReview, { params: { id }, body });

// 考核: the instructor's scores and the records
export const scoreTrainee = (id: string, userId: string, body: BodyOf<typeof routes.scoreTrainee>) =>
  call(routes.scoreTrainee, { params: { id, userId }, body });
export const fetchClassAssessment = (id: string, signal?: AbortSignal) => call(routes.classAssessment, { params: { id }, signal });

// 班次管理: the class's rules, offline sessions, attendance, enrolment and completion (结业)
export const updateClass = (id: string, body: ClassUpdate) => call(routes.updateClass, { params: { id }, body });
/** refused (409) while the class breaks a rule: the error names the rules */
export const publishClass = (id: string) => call(routes.publishClass, { params: { id } });
export const addClassSession = (id: string, body: OfflineSessionInput) => call(routes.addClassSession, { params: { id }, body });
export const updateClassSession = (id: string, sessionId: string, body: OfflineSessionInput) =>
  call(routes.updateClassSession, { params: { id, sessionId }, body });
export const deleteClassSession = (id: string, sessionId: string) => call(routes.deleteClassSession, { params: { id, sessionId } });
export const fetchAttendance = (id: string, signal?: AbortSignal) => call(routes.classAttendance, { params: { id }, signal });
/** all records or none */
export const recordAttendance = (id: string, body: AttendanceUpdate) => call(routes.recordAttendance, { params: { id }, body });
export const addClassMembersByUnit = (id: string, orgUnitId: string, includeSubunits = true) =>
  call(routes.addClassMembersByUnit, { params: { id }, body: { orgUnitId, includeSubunits } });
export const removeClassMember = (id: string, userId: string) => call(routes.removeClassMember, { params: { id, userId } });
export const fetchClassCompletion = (id: string, signal?: AbortSignal) => call(routes.classCompletion, { params: { id }, signal });
export const exportClassCompletion = (id: string) => download(routes.exportClassCompletion, { params: { id } });
export const finishClass = (id: string) => call(routes.finishClass, { params: { id } });

/**
 * Enrol from an XLSX list. A file with a bad row enrols nobody; the refusal (422 IMPORT_REJECTED,
 * or an answer whose `errors` are not empty) comes back as the report naming the rows.
 */
export async function importClassMembers(id: string, file: File): Promise<MembersImportReport> {
  try {
    return await upload(routes.importClassMembers, file, { params: { id } });
  } catch (e) {
    if (e instanceof ApiError && isImportReport(e.details)) return e.details;
    throw e;
  }
}

function isImportReport(v: unknown): v is MembersImportReport {
  return typeof v === 'object' && v !== null && Array.isArray((v as MembersImportReport).errors);
}
