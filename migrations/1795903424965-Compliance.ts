import { MigrationInterface, QueryRunner } from 'typeorm';

export class Compliance1795903424965 implements MigrationInterface {
  name = 'Compliance1795903424965';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "class_courses" ("class_id" uuid NOT NULL, "course_id" uuid NOT NULL, CONSTRAINT "PK_99c381aea9d252f8a0fcd0f312e" PRIMARY KEY ("class_id", "course_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_794c5f3538b65ab5c6aa6622c3" ON "class_courses"  ("course_id") `);
    await queryRunner.query(`CREATE TABLE "class_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "class_id" uuid NOT NULL, "session_date" date NOT NULL, "title" character varying(100) NOT NULL, "days" numeric(3,1) NOT NULL, "rule_of_law_hours" numeric(4,1) NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dc034da48c6e0cf95c51f606c4e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_ef74f66194b6d03ab8e09313f4" ON "class_sessions"  ("class_id", "session_date") `);
    await queryRunner.query(`CREATE TABLE "class_attendance" ("session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "class_id" uuid NOT NULL, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_37162b5255bbd127a192f67cb70" PRIMARY KEY ("session_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_75f217a43274c35427016fc9cf" ON "class_attendance"  ("class_id", "user_id") `);
    await queryRunner.query(`CREATE TABLE "class_results" ("class_id" uuid NOT NULL, "user_id" uuid NOT NULL, "attended_days" numeric(5,1) NOT NULL, "days" numeric(5,1) NOT NULL, "rule_of_law_hours" numeric(5,1) NOT NULL, "assessment_total" numeric(5,2), "assessment_passed" boolean, "completed" boolean NOT NULL, "missing" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b9935b427a02f52f80937bfb23f" PRIMARY KEY ("class_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_970a85e25491f4d0618ec98186" ON "class_results"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "official_year_totals" ("user_id" uuid NOT NULL, "year" integer NOT NULL, "hours" numeric(7,1) NOT NULL DEFAULT '0', "online_hours" numeric(7,1) NOT NULL DEFAULT '0', "offline_hours" numeric(7,1) NOT NULL DEFAULT '0', "offline_days" numeric(6,1) NOT NULL DEFAULT '0', "legal_hours" numeric(7,1) NOT NULL DEFAULT '0', "initial_days" numeric(6,1) NOT NULL DEFAULT '0', "appointment_section_days" numeric(6,1) NOT NULL DEFAULT '0', "appointment_division_days" numeric(6,1) NOT NULL DEFAULT '0', "class_rule_of_law_hours" numeric(6,1), "assessed_classes" integer NOT NULL DEFAULT '0', "failed_assessments" integer NOT NULL DEFAULT '0', "cum_hours" real array NOT NULL DEFAULT '{0,0,0,0,0,0,0,0,0,0,0,0}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3f2887003333ba6b97665c6311a" PRIMARY KEY ("user_id", "year"))`);
    await queryRunner.query(`CREATE INDEX "IDX_b57b7889f32b7b78e8c1daf26f" ON "official_year_totals"  ("year", "hours") `);
    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "dedupe_key" character varying(120) NOT NULL, "zh" text NOT NULL, "en" text NOT NULL, "link" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_310667f935698fcd8cb319113a" ON "notifications"  ("user_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e7651c9a8de8ba1b8def976b55" ON "notifications"  ("user_id", "dedupe_key") `);
    await queryRunner.query(`CREATE TABLE "archive_issues" ("code" character varying(14) NOT NULL, "user_id" uuid NOT NULL, "year" integer NOT NULL, "digest" character(64) NOT NULL, "hours" numeric(7,1) NOT NULL, "issued_by" uuid NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8e0eb06e326415dca473a1e5f77" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e7ed258638bbc196bb41164bdf" ON "archive_issues"  ("user_id", "year") `);
    await queryRunner.query(`CREATE TABLE "appeals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "course_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "reason" text NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'open', "decision_reason" text, "hours" numeric(5,1), "correction_entry_id" bigint, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ebd2050a02aa78081b5346152bc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_dc35f7b9ece670abe7ff66932c" ON "appeals"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a75257d7cd709ba516cac12139" ON "appeals"  ("status", "created_at") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "appointment_date" date`);
    await queryRunner.query(`ALTER TABLE "credit_ledger" ADD "class_id" uuid`);
    await queryRunner.query(`ALTER TABLE "training_classes" ADD "appointment_level" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "training_classes" ADD "status" character varying(16) NOT NULL DEFAULT 'draft'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_credit_ledger_class_once" ON "credit_ledger"  ("user_id", "class_id") WHERE "kind" = 'class'`);
    await queryRunner.query(`CREATE INDEX "IDX_247bd9a062ad4436142a24d0ec" ON "play_sessions"  ("started_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_appeals_one_open" ON "appeals"  ("user_id", "lesson_id") WHERE "status" = 'open'`);
    // classes opened before the rules existed stay as they were run
    await queryRunner.query(`UPDATE "training_classes" SET "status" = 'published'`);
    // the totals of the credit already in the ledger (no class entries exist yet)
    await queryRunner.query(`INSERT INTO official_year_totals (user_id, year, hours, online_hours, legal_hours, cum_hours)
      SELECT l.user_id, l.year, sum(l.hours), coalesce(sum(l.hours) FILTER (WHERE l.kind = 'course'), 0), coalesce(sum(l.hours) FILTER (WHERE cat.legal), 0),
             ARRAY[coalesce(sum(l.hours) FILTER (WHERE extract(month from (l.created_at AT TIME ZONE 'UTC') + interval '8 hours') <= 1), 0)::real, coalesce(sum(l.hours) FILTER (WHERE extract(month from (l.created_at AT TIME ZONE 'UTC') + interval '8 hours') <= 2), 0)::real, coalesce(sum(l.hours) FILTER (WHERE extract(month from (l.created_at AT TIME ZONE 'UTC') + interval '8 hours') <= 3), 0)::real, coalesce(sum(l.hours) FILTER (WHERE extract(month from (l.created_at AT TIME ZONE 'UTC') + interval '8 hours') <= 4), 0)::real, coalesce(sum(l.hours) FILTER (WHERE extract(month from (l.created_at AT TIME ZONE 'UTC') + interval '8 hours') <= 5), 0)::real, coalesce(sum(l.hours) FILTER (WHERE extract(month from (l.created_at AT TIME ZONE 'UTC') + interval '8 hours') <= 6), 0)::real, coalesce(sum(l.hours) FILTER (WHERE extract(month from (l.created_at AT TIME ZONE 'UTC') + interval '8 hours') <= 7), 0)::real, coalesce(sum(l.hours) FILTER (WHERE extract(month from (l.created_at AT TIME ZONE 'UTC') + interval '8 hours') <= 8), 0)::real, coalesce(sum(l.hours) FILTER (WHERE extract(month from (l.created_at AT TIME ZONE 'UTC') + interval '8 hours') <= 9), 0)::real, coalesce(sum(l.hours) FILTER (WHERE extract(month from (l.created_at AT TIME ZONE 'UTC') + interval '8 hours') <= 10), 0)::real, coalesce(sum(l.hours) FILTER (WHERE extract(month from (l.created_at AT TIME ZONE 'UTC') + interval '8 hours') <= 11), 0)::real, coalesce(sum(l.hours) FILTER (WHERE extract(month from (l.created_at AT TIME ZONE 'UTC') + interval '8 hours') <= 12), 0)::real]
        FROM credit_ledger l LEFT JOIN categories cat ON cat.id = l.category_id GROUP BY l.user_id, l.year`);
    await queryRunner.query(`ALTER TABLE "class_courses" ADD CONSTRAINT "FK_e6121f3527ae7c38d417a79bda4" FOREIGN KEY ("class_id") REFERENCES "training_classes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_courses" ADD CONSTRAINT "FK_794c5f3538b65ab5c6aa6622c3c" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_sessions" ADD CONSTRAINT "FK_700b21b3e72e731ec274e22b743" FOREIGN KEY ("class_id") REFERENCES "training_classes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_attendance" ADD CONSTRAINT "FK_3beacee8b4c664395f1b3998a7b" FOREIGN KEY ("session_id") REFERENCES "class_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_attendance" ADD CONSTRAINT "FK_7688d539bf27e6adc1cfbc2e0bc" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_results" ADD CONSTRAINT "FK_2a6aa42bb5d53cbea054952d95a" FOREIGN KEY ("class_id") REFERENCES "training_classes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "appeals" ADD CONSTRAINT "FK_dc35f7b9ece670abe7ff66932c4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "appeals" ADD CONSTRAINT "FK_8fa3974fd042bf81f879ce1b1e6" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "appeals" DROP CONSTRAINT "FK_8fa3974fd042bf81f879ce1b1e6"`);
    await queryRunner.query(`ALTER TABLE "appeals" DROP CONSTRAINT "FK_dc35f7b9ece670abe7ff66932c4"`);
    await queryRunner.query(`ALTER TABLE "class_results" DROP CONSTRAINT "FK_2a6aa42bb5d53cbea054952d95a"`);
    await queryRunner.query(`ALTER TABLE "class_attendance" DROP CONSTRAINT "FK_7688d539bf27e6adc1cfbc2e0bc"`);
    await queryRunner.query(`ALTER TABLE "class_attendance" DROP CONSTRAINT "FK_3beacee8b4c664395f1b3998a7b"`);
    await queryRunner.query(`ALTER TABLE "class_sessions" DROP CONSTRAINT "FK_700b21b3e72e731ec274e22b743"`);
    await queryRunner.query(`ALTER TABLE "class_courses" DROP CONSTRAINT "FK_794c5f3538b65ab5c6aa6622c3c"`);
    await queryRunner.query(`ALTER TABLE "class_courses" DROP CONSTRAINT "FK_e6121f3527ae7c38d417a79bda4"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_appeals_one_open"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_247bd9a062ad4436142a24d0ec"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_credit_ledger_class_once"`);
    await queryRunner.query(`ALTER TABLE "training_classes" DROP COLUMN "status"`);
    await queryRunner.query(`ALTER TABLE "training_classes" DROP COLUMN "appointment_level"`);
    await queryRunner.query(`ALTER TABLE "credit_ledger" DROP COLUMN "class_id"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "appointment_date"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a75257d7cd709ba516cac12139"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dc35f7b9ece670abe7ff66932c"`);
    await queryRunner.query(`DROP TABLE "appeals"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e7ed258638bbc196bb41164bdf"`);
    await queryRunner.query(`DROP TABLE "archive_issues"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e7651c9a8de8ba1b8def976b55"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_310667f935698fcd8cb319113a"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b57b7889f32b7b78e8c1daf26f"`);
    await queryRunner.query(`DROP TABLE "official_year_totals"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_970a85e25491f4d0618ec98186"`);
    await queryRunner.query(`DROP TABLE "class_results"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_75f217a43274c35427016fc9cf"`);
    await queryRunner.query(`DROP TABLE "class_attendance"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ef74f66194b6d03ab8e09313f4"`);
    await queryRunner.query(`DROP TABLE "class_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_794c5f3538b65ab5c6aa6622c3"`);
    await queryRunner.query(`DROP TABLE "class_courses"`);
  }
}
