import { Body, Controller, Param, Query, Req, Res } from '@nestjs/common';
import {
  AssignRequest,
  CatalogQuery,
  CreateCategoryRequest,
  CreateChapterRequest,
  CreateCourseRequest,
  CreateLessonRequest,
  ManagedCoursesQuery,
  ReorderRequest,
  ReviewRequest,
  routes,
  UpdateCategoryRequest,
  UpdateChapterRequest,
  UpdateCourseRequest,
  UpdateLessonRequest,
} from '@xueshi/shared';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/principal.decorator';
import type { AppRequest, Principal } from '../../common/request';
import { Route } from '../../common/route.decorator';
import { mediaCookieHeader, MediaUrls } from '../media/media-url';
import { CoursesService } from './courses.service';

type Out<T extends z.ZodType> = z.output<T>;

@Controller()
export class CoursesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly urls: MediaUrls,
  ) {}

  @Route(routes.listCategories)
  async categories() {
    return { items: await this.courses.categories() };
  }

  @Route(routes.createCategory)
  createCategory(@Body() body: Out<typeof CreateCategoryRequest>) {
    return this.courses.createCategory(body);
  }

  @Route(routes.updateCategory)
  updateCategory(@Param('id') id: string, @Body() body: Out<typeof UpdateCategoryRequest>) {
    return this.courses.updateCategory(id, body);
  }

  @Route(routes.catalog)
  catalog(@CurrentPrincipal() p: Principal, @Query() q: Out<typeof CatalogQuery>) {
    return this.courses.catalog(p, q);
  }

  @Route(routes.myCourses)
  mine(@CurrentPrincipal() p: Principal, @Query() q: Out<typeof CatalogQuery>) {
    return this.courses.mine(p, q);
  }

  @Route(routes.managedCourses)
  managed(@CurrentPrincipal() p: Principal, @Query() q: Out<typeof ManagedCoursesQuery>) {
    return this.courses.managed(p, q);
  }

  @Route(routes.createCourse)
  create(@CurrentPrincipal() p: Principal, @Body() body: Out<typeof CreateCourseRequest>) {
    return this.courses.create(p, body);
  }

  @Route(routes.getCourse)
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.courses.detail(p, id);
  }

  @Route(routes.updateCourse)
  update(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof UpdateCourseRequest>) {
    return this.courses.update(p, id, body);
  }

  @Route(routes.addChapter)
  addChapter(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof CreateChapterRequest>) {
    return this.courses.addChapter(p, id, body.title);
  }

  @Route(routes.updateChapter)
  renameChapter(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof UpdateChapterRequest>) {
    return this.courses.renameChapter(p, id, body.title);
  }

  @Route(routes.deleteChapter)
  deleteChapter(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.courses.deleteChapter(p, id);
  }

  @Route(routes.addLesson)
  addLesson(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof CreateLessonRequest>) {
    return this.courses.addLesson(p, id, body);
  }

  @Route(routes.updateLesson)
  updateLesson(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof UpdateLessonRequest>) {
    return this.courses.updateLesson(p, id, body);
  }

  @Route(routes.deleteLesson)
  deleteLesson(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.courses.deleteLesson(p, id);
  }

  @Route(routes.reorderCourse)
  reorder(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ReorderRequest) {
    return this.courses.reorder(p, id, body);
  }

  @Route(routes.submitCourse)
  submit(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.courses.submit(p, id);
  }

  @Route(routes.reviewCourse)
  review(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ReviewRequest) {
    return this.courses.review(p, id, body);
  }

  @Route(routes.publishCourse)
  publish(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.courses.publish(p, id);
  }

  @Route(routes.unpublishCourse)
  unpublish(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.courses.unpublish(p, id);
  }

  @Route(routes.enrol)
  enrol(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.courses.enrol(p, id);
  }

  @Route(routes.assignCourse)
  assign(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: AssignRequest) {
    return this.courses.assign(p, id, body);
  }

  /** Signs the lesson's media URL and sets the media cookie that <img>, <iframe> and hls.js carry. */
  @Route(routes.playback)
  async playback(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: AppRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const body = await this.courses.playback(p, id);
    void reply.header('set-cookie', mediaCookieHeader(this.urls, p.userId, Math.floor(new Date(body.expiresAt).getTime() / 1000), req.protocol === 'https'));
    return body;
  }
}
