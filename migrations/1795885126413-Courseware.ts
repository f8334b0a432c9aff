import { MigrationInterface, QueryRunner } from 'typeorm';

export class Courseware1795885126413 implements MigrationInterface {
  name = 'Courseware1795885126413';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "name_zh" character varying(40) NOT NULL, "name_en" character varying(80) NOT NULL, "legal" boolean NOT NULL DEFAULT false, "sort" integer NOT NULL DEFAULT '100', CONSTRAINT "UQ_77d7eff8a7aaa05457a12b8007a" UNIQUE ("code"), CONSTRAINT "PK_24dbc6126a28ff948da33e97d3b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "courses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(80) NOT NULL, "summary" text NOT NULL DEFAULT '', "category_id" uuid NOT NULL, "required" boolean NOT NULL DEFAULT false, "micro_lecture" boolean NOT NULL DEFAULT false, "credit_hours" numeric(4,1), "institution_id" uuid NOT NULL, "sharing" character varying(16) NOT NULL DEFAULT 'institution', "status" character varying(16) NOT NULL DEFAULT 'draft', "review_comment" text, "created_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3f70a487cc718ad8eda4e6d58c9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e4c260fe6bb1131707c4617f74" ON "courses"  ("category_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_3a5da6162f1519c25665fa730b" ON "courses"  ("institution_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f1e5b9c7cc36448d6abe943403" ON "courses"  ("status", "published_at") `);
    await queryRunner.query(`CREATE TABLE "chapters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "title" character varying(80) NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_a2bbdbb4bdc786fe0cb0fcfc4a0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9909a69a63f1d064b42ef35ab0" ON "chapters"  ("course_id") `);
    await queryRunner.query(`CREATE TABLE "course_instructors" ("course_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_f241346add27e0558964b84e966" PRIMARY KEY ("course_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c204a45ca0de73f6b7d2d0f944" ON "course_instructors"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "enrolments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "course_id" uuid NOT NULL, "source" character varying(16) NOT NULL, "assigned_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6e79971fbd26967c4da9ed52770" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_88e4829cd9da8e01cc305788db" ON "enrolments"  ("course_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_261d2f0d11a7d73050171bee50" ON "enrolments"  ("user_id", "course_id") `);
    await queryRunner.query(`CREATE TABLE "media_assets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "progress" integer NOT NULL DEFAULT '0', "upload_id" character varying(80), "original_name" character varying(200) NOT NULL, "size_bytes" bigint NOT NULL, "source_key" character varying(300) NOT NULL, "duration_seconds" numeric(10,3), "width" integer, "height" integer, "renditions" jsonb NOT NULL DEFAULT '[]', "poster_key" character varying(300), "output_key" character varying(300), "failure_reason" text, "ready_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_df8b12cc62925571a3871fe3a59" UNIQUE ("upload_id"), CONSTRAINT "PK_ca47e9f67a5e5d8af1e75d66ee6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a806352200cdb3c848b0db42a4" ON "media_assets"  ("owner_id") `);
    await queryRunner.query(`CREATE TABLE "lessons" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "chapter_id" uuid NOT NULL, "title" character varying(80) NOT NULL, "kind" character varying(16) NOT NULL, "position" integer NOT NULL, "asset_id" uuid, CONSTRAINT "PK_9b9a8d455cac672d262d7275730" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_3c4e299cf8ed04093935e2e22f" ON "lessons"  ("course_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_424ea916afdf352278a064dabb" ON "lessons"  ("chapter_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4a9fa5947942eac2360e54a260" ON "lessons"  ("asset_id") `);
    await queryRunner.query(`ALTER TABLE "courses" ADD CONSTRAINT "FK_e4c260fe6bb1131707c4617f745" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "courses" ADD CONSTRAINT "FK_3a5da6162f1519c25665fa730be" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "chapters" ADD CONSTRAINT "FK_9909a69a63f1d064b42ef35ab04" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "course_instructors" ADD CONSTRAINT "FK_ff1fe7ba07418a03281c94fac46" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "course_instructors" ADD CONSTRAINT "FK_c204a45ca0de73f6b7d2d0f9442" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrolments" ADD CONSTRAINT "FK_7eb4b01f52fb0ce0e3136d87c76" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrolments" ADD CONSTRAINT "FK_88e4829cd9da8e01cc305788db5" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lessons" ADD CONSTRAINT "FK_3c4e299cf8ed04093935e2e22fe" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lessons" ADD CONSTRAINT "FK_424ea916afdf352278a064dabbd" FOREIGN KEY ("chapter_id") REFERENCES "chapters"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lessons" ADD CONSTRAINT "FK_4a9fa5947942eac2360e54a260a" FOREIGN KEY ("asset_id") REFERENCES "media_assets"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lessons" DROP CONSTRAINT "FK_4a9fa5947942eac2360e54a260a"`);
    await queryRunner.query(`ALTER TABLE "lessons" DROP CONSTRAINT "FK_424ea916afdf352278a064dabbd"`);
    await queryRunner.query(`ALTER TABLE "lessons" DROP CONSTRAINT "FK_3c4e299cf8ed04093935e2e22fe"`);
    await queryRunner.query(`ALTER TABLE "enrolments" DROP CONSTRAINT "FK_88e4829cd9da8e01cc305788db5"`);
    await queryRunner.query(`ALTER TABLE "enrolments" DROP CONSTRAINT "FK_7eb4b01f52fb0ce0e3136d87c76"`);
    await queryRunner.query(`ALTER TABLE "course_instructors" DROP CONSTRAINT "FK_c204a45ca0de73f6b7d2d0f9442"`);
    await queryRunner.query(`ALTER TABLE "course_instructors" DROP CONSTRAINT "FK_ff1fe7ba07418a03281c94fac46"`);
    await queryRunner.query(`ALTER TABLE "chapters" DROP CONSTRAINT "FK_9909a69a63f1d064b42ef35ab04"`);
    await queryRunner.query(`ALTER TABLE "courses" DROP CONSTRAINT "FK_3a5da6162f1519c25665fa730be"`);
    await queryRunner.query(`ALTER TABLE "courses" DROP CONSTRAINT "FK_e4c260fe6bb1131707c4617f745"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4a9fa5947942eac2360e54a260"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_424ea916afdf352278a064dabb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3c4e299cf8ed04093935e2e22f"`);
    await queryRunner.query(`DROP TABLE "lessons"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a806352200cdb3c848b0db42a4"`);
    await queryRunner.query(`DROP TABLE "media_assets"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_261d2f0d11a7d73050171bee50"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_88e4829cd9da8e01cc305788db"`);
    await queryRunner.query(`DROP TABLE "enrolments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c204a45ca0de73f6b7d2d0f944"`);
    await queryRunner.query(`DROP TABLE "course_instructors"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9909a69a63f1d064b42ef35ab0"`);
    await queryRunner.query(`DROP TABLE "chapters"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f1e5b9c7cc36448d6abe943403"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3a5da6162f1519c25665fa730b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e4c260fe6bb1131707c4617f74"`);
    await queryRunner.query(`DROP TABLE "courses"`);
    await queryRunner.query(`DROP TABLE "categories"`);
  }
}
