import { MigrationInterface, QueryRunner } from 'typeorm';

export class Assessment1795897007833 implements MigrationInterface {
  name = 'Assessment1795897007833';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "course_evaluations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "user_id" uuid NOT NULL, "plan" smallint NOT NULL, "content" smallint NOT NULL, "teachers" smallint NOT NULL, "management" smallint NOT NULL, "comment" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_314ed71bf77e491faabf0ebec3f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5e0697248b18df7427002e7443" ON "course_evaluations"  ("course_id", "user_id") `);
    await queryRunner.query(`CREATE TABLE "questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "type" character varying(16) NOT NULL, "stem" text NOT NULL, "options" jsonb NOT NULL DEFAULT '[]', "answer" jsonb NOT NULL, "explanation" text NOT NULL DEFAULT '', "tags" text array NOT NULL DEFAULT '{}', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_08a6d4b0f49ff300bf3a0ca60ac" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f6f47e9130f2763e90425aefd4" ON "questions"  ("course_id", "deleted_at") `);
    await queryRunner.query(`CREATE TABLE "quizzes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "lesson_id" uuid, "title" character varying(100) NOT NULL, "draw" jsonb NOT NULL, "time_limit_minutes" integer NOT NULL, "max_attempts" integer NOT NULL, "pass_score" integer NOT NULL, "reveal" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b24f0f7662cf6b3a0e7dba0a1b4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e460dcb813c2cc28c93c95f250" ON "quizzes"  ("course_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_quizzes_final_exam" ON "quizzes"  ("course_id") WHERE kind = 'final_exam'`);
    await queryRunner.query(`CREATE TABLE "quiz_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "quiz_id" uuid NOT NULL, "user_id" uuid NOT NULL, "number" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "questions" jsonb NOT NULL, "answers" jsonb NOT NULL DEFAULT '{}', "submitted_at" TIMESTAMP WITH TIME ZONE, "closed_by" character varying(16), "score" numeric(5,2), "correct_count" integer, "passed" boolean, "results" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a84a93fb092359516dc5b325b90" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_1701aaf48f6a78e96bfe08dd39" ON "quiz_attempts"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "ix_quiz_attempts_open_deadline" ON "quiz_attempts"  ("deadline") WHERE submitted_at IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_867557560d793c8f211edcc131" ON "quiz_attempts"  ("quiz_id", "user_id", "number") `);
    await queryRunner.query(`CREATE TABLE "training_classes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "title" character varying(100) NOT NULL, "kind" character varying(16) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "exam_quiz_id" uuid, "peer_review_opens_at" TIMESTAMP WITH TIME ZONE, "peer_review_closes_at" TIMESTAMP WITH TIME ZONE, "weights" jsonb NOT NULL, "pass_score" integer NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a0f6040666e1c6b80bc3bed1e54" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_362770f34d638f36116ec31df8" ON "training_classes"  ("institution_id") `);
    await queryRunner.query(`CREATE TABLE "class_members" ("class_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_77753c95c843748f20fbd2485c0" PRIMARY KEY ("class_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_4569afaf85946abfa3c9cbac1a" ON "class_members"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "class_instructors" ("class_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_e2b6a5e6e3d804dddf510fd264d" PRIMARY KEY ("class_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_15416046e5ecd1beb0a3ee1e94" ON "class_instructors"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "journal_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "class_id" uuid NOT NULL, "user_id" uuid NOT NULL, "entry_date" date NOT NULL, "content" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a70368e64230434457c8d007ab3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_117a0458ad3cf32922bd9edc49" ON "journal_entries"  ("class_id", "user_id", "entry_date") `);
    await queryRunner.query(`CREATE TABLE "peer_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "class_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "reviewee_id" uuid NOT NULL, "attitude" smallint NOT NULL, "participation" smallint NOT NULL, "interaction" smallint NOT NULL, "results" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2532078fca474d3c97e56a5bd19" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_83927a5a76a7680cc08a6dd075" ON "peer_reviews"  ("class_id", "reviewee_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6a6e431965af64b2bb0ddc0bd5" ON "peer_reviews"  ("class_id", "reviewer_id", "reviewee_id") `);
    await queryRunner.query(`CREATE TABLE "instructor_scores" ("class_id" uuid NOT NULL, "user_id" uuid NOT NULL, "attitude" numeric(5,2) NOT NULL, "participation" numeric(5,2) NOT NULL, "interaction" numeric(5,2) NOT NULL, "results" numeric(5,2) NOT NULL, "comment" text NOT NULL DEFAULT '', "scored_by" uuid NOT NULL, "scored_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b9647b3a21071e38b48293a21b" PRIMARY KEY ("class_id", "user_id"))`);
    await queryRunner.query(`ALTER TABLE "course_evaluations" ADD CONSTRAINT "FK_ddfd6ca896e3e115cf5f1590e28" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "course_evaluations" ADD CONSTRAINT "FK_43472537e528dad290acf140444" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "questions" ADD CONSTRAINT "FK_921085ed8cad9bd8299dc603ef4" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quizzes" ADD CONSTRAINT "FK_e460dcb813c2cc28c93c95f2504" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quizzes" ADD CONSTRAINT "FK_2cf4e4b5b533af8dc6b38d4fa9b" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quiz_attempts" ADD CONSTRAINT "FK_a720e260138b64fcff2fca19b2d" FOREIGN KEY ("quiz_id") REFERENCES "quizzes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quiz_attempts" ADD CONSTRAINT "FK_1701aaf48f6a78e96bfe08dd395" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "training_classes" ADD CONSTRAINT "FK_362770f34d638f36116ec31df88" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "training_classes" ADD CONSTRAINT "FK_650673f036e7f3cb85aea3da20b" FOREIGN KEY ("exam_quiz_id") REFERENCES "quizzes"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_members" ADD CONSTRAINT "FK_2ace5ca20caf6953506af45c935" FOREIGN KEY ("class_id") REFERENCES "training_classes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_members" ADD CONSTRAINT "FK_4569afaf85946abfa3c9cbac1a6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_instructors" ADD CONSTRAINT "FK_4c904a75f6adf63b20e1d358a81" FOREIGN KEY ("class_id") REFERENCES "training_classes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_instructors" ADD CONSTRAINT "FK_15416046e5ecd1beb0a3ee1e945" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "journal_entries" ADD CONSTRAINT "FK_ce849ff4371038774baff0d4a89" FOREIGN KEY ("class_id") REFERENCES "training_classes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "journal_entries" ADD CONSTRAINT "FK_17b75f0f14fb4d037575c03174a" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "peer_reviews" ADD CONSTRAINT "FK_4425f045b03921e541cd3168bb1" FOREIGN KEY ("class_id") REFERENCES "training_classes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "peer_reviews" ADD CONSTRAINT "FK_81c7b11db297359cd2d5e77584e" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "peer_reviews" ADD CONSTRAINT "FK_89c57071b55294f16e0b3432285" FOREIGN KEY ("reviewee_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "instructor_scores" ADD CONSTRAINT "FK_8177bb232881d961abf8f290963" FOREIGN KEY ("class_id") REFERENCES "training_classes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "instructor_scores" ADD CONSTRAINT "FK_29eb184c84e149bfc5ceb84c217" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "instructor_scores" DROP CONSTRAINT "FK_29eb184c84e149bfc5ceb84c217"`);
    await queryRunner.query(`ALTER TABLE "instructor_scores" DROP CONSTRAINT "FK_8177bb232881d961abf8f290963"`);
    await queryRunner.query(`ALTER TABLE "peer_reviews" DROP CONSTRAINT "FK_89c57071b55294f16e0b3432285"`);
    await queryRunner.query(`ALTER TABLE "peer_reviews" DROP CONSTRAINT "FK_81c7b11db297359cd2d5e77584e"`);
    await queryRunner.query(`ALTER TABLE "peer_reviews" DROP CONSTRAINT "FK_4425f045b03921e541cd3168bb1"`);
    await queryRunner.query(`ALTER TABLE "journal_entries" DROP CONSTRAINT "FK_17b75f0f14fb4d037575c03174a"`);
    await queryRunner.query(`ALTER TABLE "journal_entries" DROP CONSTRAINT "FK_ce849ff4371038774baff0d4a89"`);
    await queryRunner.query(`ALTER TABLE "class_instructors" DROP CONSTRAINT "FK_15416046e5ecd1beb0a3ee1e945"`);
    await queryRunner.query(`ALTER TABLE "class_instructors" DROP CONSTRAINT "FK_4c904a75f6adf63b20e1d358a81"`);
    await queryRunner.query(`ALTER TABLE "class_members" DROP CONSTRAINT "FK_4569afaf85946abfa3c9cbac1a6"`);
    await queryRunner.query(`ALTER TABLE "class_members" DROP CONSTRAINT "FK_2ace5ca20caf6953506af45c935"`);
    await queryRunner.query(`ALTER TABLE "training_classes" DROP CONSTRAINT "FK_650673f036e7f3cb85aea3da20b"`);
    await queryRunner.query(`ALTER TABLE "training_classes" DROP CONSTRAINT "FK_362770f34d638f36116ec31df88"`);
    await queryRunner.query(`ALTER TABLE "quiz_attempts" DROP CONSTRAINT "FK_1701aaf48f6a78e96bfe08dd395"`);
    await queryRunner.query(`ALTER TABLE "quiz_attempts" DROP CONSTRAINT "FK_a720e260138b64fcff2fca19b2d"`);
    await queryRunner.query(`ALTER TABLE "quizzes" DROP CONSTRAINT "FK_2cf4e4b5b533af8dc6b38d4fa9b"`);
    await queryRunner.query(`ALTER TABLE "quizzes" DROP CONSTRAINT "FK_e460dcb813c2cc28c93c95f2504"`);
    await queryRunner.query(`ALTER TABLE "questions" DROP CONSTRAINT "FK_921085ed8cad9bd8299dc603ef4"`);
    await queryRunner.query(`ALTER TABLE "course_evaluations" DROP CONSTRAINT "FK_43472537e528dad290acf140444"`);
    await queryRunner.query(`ALTER TABLE "course_evaluations" DROP CONSTRAINT "FK_ddfd6ca896e3e115cf5f1590e28"`);
    await queryRunner.query(`DROP TABLE "instructor_scores"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6a6e431965af64b2bb0ddc0bd5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_83927a5a76a7680cc08a6dd075"`);
    await queryRunner.query(`DROP TABLE "peer_reviews"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_117a0458ad3cf32922bd9edc49"`);
    await queryRunner.query(`DROP TABLE "journal_entries"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_15416046e5ecd1beb0a3ee1e94"`);
    await queryRunner.query(`DROP TABLE "class_instructors"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4569afaf85946abfa3c9cbac1a"`);
    await queryRunner.query(`DROP TABLE "class_members"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_362770f34d638f36116ec31df8"`);
    await queryRunner.query(`DROP TABLE "training_classes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_867557560d793c8f211edcc131"`);
    await queryRunner.query(`DROP INDEX "public"."ix_quiz_attempts_open_deadline"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1701aaf48f6a78e96bfe08dd39"`);
    await queryRunner.query(`DROP TABLE "quiz_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."uq_quizzes_final_exam"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e460dcb813c2cc28c93c95f250"`);
    await queryRunner.query(`DROP TABLE "quizzes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f6f47e9130f2763e90425aefd4"`);
    await queryRunner.query(`DROP TABLE "questions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5e0697248b18df7427002e7443"`);
    await queryRunner.query(`DROP TABLE "course_evaluations"`);
  }
}
