import { routes, type BodyOf, type ClassInput } from '@xueshi/shared';
import { call } from './http';

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
