import { MigrationInterface, QueryRunner } from 'typeorm';

export class Credit1795887841511 implements MigrationInterface {
  name = 'Credit1795887841511';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "credit_ledger" ("id" BIGSERIAL NOT NULL, "user_id" uuid NOT NULL, "seq" integer NOT NULL, "kind" character varying(16) NOT NULL, "course_id" uuid, "hours" numeric(6,1) NOT NULL, "category_id" uuid, "year" integer NOT NULL, "evidence" jsonb NOT NULL, "reason" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_7ff08f655cf2f4d118c116571db" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_4c9dfc992a134110b101521a4d" ON "credit_ledger"  ("year") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_credit_ledger_course_once" ON "credit_ledger"  ("user_id", "course_id") WHERE "kind" = 'course'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_eed58257f3bebd6e027c7c83ec" ON "credit_ledger"  ("user_id", "seq") `);
    await queryRunner.query(`CREATE TABLE "heartbeat_rejections" ("id" BIGSERIAL NOT NULL, "session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "seq" integer NOT NULL, "reason" character varying(32) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "detail" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_f3fe0d35552ca1383cf88fb028c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_996cc1937a4481357dc4a7f4b1" ON "heartbeat_rejections"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ae9858d5cdf2ac6ad402a851b3" ON "heartbeat_rejections"  ("session_id", "seq", "reason") `);
    await queryRunner.query(`CREATE TABLE "lesson_progress" ("user_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "course_id" uuid NOT NULL, "coverage" nummultirange NOT NULL DEFAULT '{}', "covered_seconds" numeric(10,1) NOT NULL DEFAULT '0', "verified_seconds" numeric(10,1) NOT NULL DEFAULT '0', "completed_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f34e3a227170e0ce674e0afb58a" PRIMARY KEY ("user_id", "lesson_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_112753761c2a01adab9677b717" ON "lesson_progress"  ("course_id") `);
    await queryRunner.query(`CREATE TABLE "play_sessions" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "course_id" uuid NOT NULL, "asset_id" uuid, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" character varying(32), "device" character varying(200), "ip" character varying(64), "flush_seq" integer NOT NULL DEFAULT '0', "verified_seconds" numeric(10,1) NOT NULL DEFAULT '0', "covered" nummultirange NOT NULL DEFAULT '{}', "uncounted" jsonb NOT NULL DEFAULT '{}', "beats_accepted" integer NOT NULL DEFAULT '0', "beats_rejected" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_b3d16c71ba90587b743cae04c63" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c6184447118f0273df2df0eb41" ON "play_sessions"  ("course_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9a1dfb962db191ee2fd7dfb01a" ON "play_sessions"  ("user_id", "lesson_id") `);
    await queryRunner.query(`CREATE TABLE "policy_versions" ("year" integer NOT NULL, "settings" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, CONSTRAINT "PK_1c9fb723c542f893915dc338741" PRIMARY KEY ("year"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "policy_versions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9a1dfb962db191ee2fd7dfb01a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c6184447118f0273df2df0eb41"`);
    await queryRunner.query(`DROP TABLE "play_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_112753761c2a01adab9677b717"`);
    await queryRunner.query(`DROP TABLE "lesson_progress"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ae9858d5cdf2ac6ad402a851b3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_996cc1937a4481357dc4a7f4b1"`);
    await queryRunner.query(`DROP TABLE "heartbeat_rejections"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eed58257f3bebd6e027c7c83ec"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_credit_ledger_course_once"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4c9dfc992a134110b101521a4d"`);
    await queryRunner.query(`DROP TABLE "credit_ledger"`);
  }
}
