import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { CourseCompletion } from '../credits/course-completion';
import { LedgerRepository } from '../credits/ledger.repository';
import { AssessmentController, ClassesController } from './assessment.controller';
import { ClassesService } from './classes.service';
import { AssessmentService } from './assessment.service';
import { AttemptCloser } from './attempt-closer';

/** Question banks, quizzes and exams, course evaluation, and what a course still needs. */
@Module({
  imports: [CoursesModule],
  controllers: [AssessmentController, ClassesController],
  providers: [AssessmentService, ClassesService, AttemptCloser, CourseCompletion, LedgerRepository],
  exports: [AttemptCloser, ClassesService],
})
export class AssessmentModule {}
