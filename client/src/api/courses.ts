import {
  routes,
  type AssignRequest,
  type BodyOf,
  type CatalogQuery,
  type CreateCourseRequest,
  type CreateLessonRequest,
  type ManagedCoursesQuery,
  type ReorderRequest,
  type ReviewRequest,
  type UpdateCourseRequest,
} from '@xueshi/shared';
import { call } from './http';

// categories (P12)
export const fetchCategories = (signal?: AbortSignal) => call(routes.listCategories, { signal });
export const createCategory = (body: BodyOf<typeof routes.createCategory>) => call(routes.createCategory, { body });
export const updateCategory = (id: string, body: BodyOf<typeof routes.updateCategory>) => call(routes.updateCategory, { params: { id }, body });

// lists
export const fetchCatalog = (query: CatalogQuery, signal?: AbortSignal) => call(routes.catalog, { query, signal });
export const fetchMyCourses = (query: CatalogQuery, signal?: AbortSignal) => call(routes.myCourses, { query, signal });
export const fetchManagedCourses = (query: ManagedCoursesQuery, signal?: AbortSignal) => call(routes.managedCourses, { query, signal });

// one course
export const fetchCourse = (id: string, signal?: AbortSignal) => call(routes.getCourse, { params: { id }, signal });
export const createCourse = (body: CreateCourseRequest) => call(routes.createCourse, { body });
export const updateCourse = (id: string, body: UpdateCourseRequest) => call(routes.updateCourse, { params: { id }, body });

// outline: chapters and lessons
export const addChapter = (courseId: string, title: string) => call(routes.addChapter, { params: { id: courseId }, body: { title } });
export const renameChapter = (id: string, title: string) => call(routes.updateChapter, { params: { id }, body: { title } });
export const deleteChapter = (id: string) => call(routes.deleteChapter, { params: { id } });
export const addLesson = (courseId: string, body: CreateLessonRequest) => call(routes.addLesson, { params: { id: courseId }, body });
export const updateLesson = (id: string, body: { title?: string; assetId?: string | null }) => call(routes.updateLesson, { params: { id }, body });
export const deleteLesson = (id: string) => call(routes.deleteLesson, { params: { id } });
export const reorderCourse = (courseId: string, body: ReorderRequest) => call(routes.reorderCourse, { params: { id: courseId }, body });

// review workflow
export const submitCourse = (id: string) => call(routes.submitCourse, { params: { id } });
export const reviewCourse = (id: string, body: ReviewRequest) => call(routes.reviewCourse, { params: { id }, body });
export const publishCourse = (id: string) => call(routes.publishCourse, { params: { id } });
export const unpublishCourse = (id: string) => call(routes.unpublishCourse, { params: { id } });

// learners and their admins
export const enrolCourse = (id: string) => call(routes.enrol, { params: { id } });
export const assignCourse = (id: string, body: AssignRequest) => call(routes.assignCourse, { params: { id }, body });
