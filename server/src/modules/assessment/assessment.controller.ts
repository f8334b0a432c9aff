import { Body, Controller, Param, Query, Req, Res } from '@nestjs/common';
import {
  ClassCandidatesQuery, ClassInput, ClassMembersRequest, InstructorScoreInput, JournalInput, JournalQuery, PeerReviewInput,
  EvaluationInput, EvaluationResultsQuery, QuestionInput, QuestionListQuery, QuizInput, QuizUpdate, routes, SaveAnswerRequest,
} from '@xueshi/shared';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/principal.decorator';
import { langOf } from '../../common/errors';
import type { AppRequest, Principal } from '../../common/request';
import { Route } from '../../common/route.decorator';
import { readUpload } from '../../common/upload';
import { AssessmentService } from './assessment.service';
import { ClassesService } from './classes.service';

type Out<T extends z.ZodType> = z.output<T>;

@Controller()
export class AssessmentController {
  constructor(private readonly svc: AssessmentService) {}

  @Route(routes.listQuestions)
  listQuestions(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: Out<typeof QuestionListQuery>) {
    return this.svc.listQuestions(p, id, q);
  }

  @Route(routes.createQuestion)
  createQuestion(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof QuestionInput>) {
    return this.svc.createQuestion(p, id, body);
  }

  @Route(routes.updateQuestion)
  updateQuestion(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof QuestionInput>) {
    return this.svc.updateQuestion(p, id, body);
  }

  @Route(routes.deleteQuestion)
  deleteQuestion(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.svc.deleteQuestion(p, id);
  }

  @Route(routes.importQuestions)
  async importQuestions(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: AppRequest) {
    const file = await readUpload(req, routes.importQuestions.upload);
    return this.svc.importQuestions(p, id, file, langOf(req.headers['accept-language']));
  }

  @Route(routes.exportQuestions)
  async exportQuestions(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Res() reply: FastifyReply) {
    const buf = await this.svc.exportQuestions(p, id);
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="question-bank.xlsx"; filename*=UTF-8''${encodeURIComponent('题库.xlsx')}`)
      .send(buf);
  }

  @Route(routes.listQuizzes)
  listQuizzes(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.svc.listQuizzes(p, id);
  }

  @Route(routes.createQuiz)
  createQuiz(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof QuizInput>) {
    return this.svc.createQuiz(p, id, body);
  }

  @Route(routes.updateQuiz)
  updateQuiz(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof QuizUpdate>) {
    return this.svc.updateQuiz(p, id, body);
  }

  @Route(routes.deleteQuiz)
  deleteQuiz(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.svc.deleteQuiz(p, id);
  }

  @Route(routes.quizStats)
  quizStats(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.svc.quizStats(p, id);
  }

  @Route(routes.startAttempt)
  startAttempt(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.svc.startAttempt(p, id);
  }

  @Route(routes.getAttempt)
  getAttempt(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.svc.getAttempt(p, id);
  }

  @Route(routes.saveAnswer)
  saveAnswer(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof SaveAnswerRequest>) {
    return this.svc.saveAnswer(p, id, body);
  }

  @Route(routes.submitAttempt)
  submitAttempt(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.svc.submitAttempt(p, id);
  }

  @Route(routes.myEvaluation)
  myEvaluation(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.svc.myEvaluation(p, id);
  }

  @Route(routes.submitEvaluation)
  submitEvaluation(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof EvaluationInput>) {
    return this.svc.submitEvaluation(p, id, body);
  }

  @Route(routes.evaluationResults)
  evaluationResults(@CurrentPrincipal() p: Principal, @Query() q: Out<typeof EvaluationResultsQuery>) {
    return this.svc.evaluationResults(p, q);
  }

  @Route(routes.courseCompletion)
  completion(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.svc.completionOf(p, id);
  }
}

@Controller()
export class ClassesController {
  constructor(private readonly classes: ClassesService) {}

  @Route(routes.listClasses)
  list(@CurrentPrincipal() p: Principal) {
    return this.classes.list(p);
  }

  @Route(routes.createClass)
  create(@CurrentPrincipal() p: Principal, @Body() body: Out<typeof ClassInput>) {
    return this.classes.create(p, body);
  }

  @Route(routes.getClass)
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.classes.get(p, id);
  }

  @Route(routes.addClassMembers)
  addMembers(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof ClassMembersRequest>) {
    return this.classes.addMembers(p, id, body);
  }

  @Route(routes.classCandidates)
  candidates(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: Out<typeof ClassCandidatesQuery>) {
    return this.classes.candidates(p, id, q.q);
  }

  @Route(routes.listJournal)
  journal(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: Out<typeof JournalQuery>) {
    return this.classes.journal(p, id, q.userId);
  }

  @Route(routes.addJournalEntry)
  addJournal(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof JournalInput>) {
    return this.classes.addJournal(p, id, body);
  }

  @Route(routes.peerReviewState)
  peer(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.classes.peerState(p, id);
  }

  @Route(routes.submitPeerReview)
  submitPeer(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof PeerReviewInput>) {
    return this.classes.submitPeer(p, id, body);
  }

  @Route(routes.scoreTrainee)
  score(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('userId') userId: string, @Body() body: Out<typeof InstructorScoreInput>) {
    return this.classes.score(p, id, userId, body);
  }

  @Route(routes.classAssessment)
  assessment(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.classes.assessment(p, id);
  }
}
