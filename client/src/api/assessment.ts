import {
  routes,
  type EvaluationInput,
  type QuestionImportReport,
  type QuestionInput,
  type QuizInput,
  type BodyOf,
  type QueryOf,
} from '@xueshi/shared';
import { ApiError, call, download, upload } from './http';

// 题库、测验与考试、课程评估: the question bank, quizzes and exams, course evaluation

// question bank (instructors and institution admins)
export const fetchQuestions = (courseId: string, query: QueryOf<typeof routes.listQuestions> = {}, signal?: AbortSignal) =>
  call(routes.listQuestions, { params: { id: courseId }, query, signal });
export const createQuestion = (courseId: string, body: QuestionInput) => call(routes.createQuestion, { params: { id: courseId }, body });
export const updateQuestion = (id: string, body: QuestionInput) => call(routes.updateQuestion, { params: { id }, body });
export const deleteQuestion = (id: string) => call(routes.deleteQuestion, { params: { id } });
export const exportQuestions = (courseId: string) => download(routes.exportQuestions, { params: { id: courseId } });

/**
 * Upload a question sheet. The import is all rows or none: a refused file (422 IMPORT_REJECTED)
 * carries the same report as a success, naming its rows, so both come back as a report.
 */
export async function importQuestions(courseId: string, file: File): Promise<QuestionImportReport> {
  try {
    return await upload(routes.importQuestions, file, { params: { id: courseId } });
  } catch (e) {
    if (e instanceof ApiError && e.code === 'IMPORT_REJECTED' && isReport(e.details)) return e.details;
    throw e;
  }
}

function isReport(v: unknown): v is QuestionImportReport {
  return typeof v === 'object' && v !== null && Array.isArray((v as QuestionImportReport).rows) && typeof (v as QuestionImportReport).total === 'number';
}

// quizzes and the final exam
export const fetchQuizzes = (courseId: string, signal?: AbortSignal) => call(routes.listQuizzes, { params: { id: courseId }, signal });
export const createQuiz = (courseId: string, body: QuizInput) => call(routes.createQuiz, { params: { id: courseId }, body });
export const updateQuiz = (id: string, body: BodyOf<typeof routes.updateQuiz>) => call(routes.updateQuiz, { params: { id }, body });
export const deleteQuiz = (id: string) => call(routes.deleteQuiz, { params: { id } });
export const fetchQuizStats = (id: string, signal?: AbortSignal) => call(routes.quizStats, { params: { id }, signal });

// attempts (officials)
export const startAttempt = (quizId: string) => call(routes.startAttempt, { params: { id: quizId } });
export const fetchAttempt = (id: string, signal?: AbortSignal) => call(routes.getAttempt, { params: { id }, signal });
export const saveAnswer = (attemptId: string, questionId: string, answer: string[], signal?: AbortSignal) =>
  call(routes.saveAnswer, { params: { id: attemptId }, body: { questionId, answer }, signal });
export const submitAttempt = (id: string) => call(routes.submitAttempt, { params: { id } });

// course evaluation (评估) and what the course still needs
export const fetchMyEvaluation = (courseId: string, signal?: AbortSignal) => call(routes.myEvaluation, { params: { id: courseId }, signal });
export const submitEvaluation = (courseId: string, body: EvaluationInput) => call(routes.submitEvaluation, { params: { id: courseId }, body });
export const fetchEvaluationResults = (query: QueryOf<typeof routes.evaluationResults>, signal?: AbortSignal) =>
  call(routes.evaluationResults, { query, signal });
export const fetchCompletion = (courseId: string, signal?: AbortSignal) => call(routes.courseCompletion, { params: { id: courseId }, signal });
