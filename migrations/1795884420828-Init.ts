import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795884420828 implements MigrationInterface {
  name = 'Init1795884420828';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "org_units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "parent_id" uuid, "code" character varying(40) NOT NULL, "name" character varying(60) NOT NULL, "type" character varying(16) NOT NULL, "path" character varying(1200) COLLATE "C" NOT NULL, "depth" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_5382611e999b45b0e98a7859c71" UNIQUE ("code"), CONSTRAINT "PK_b4a19b7f3756560cd75643be5a7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_93e336d1c079edb2cecd9c8f59" ON "org_units"  ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_de6d94b4fec4ec249f3246420b" ON "org_units"  ("path") `);
    await queryRunner.query(`CREATE TABLE "institutions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "name" character varying(80) NOT NULL, "qualified" boolean NOT NULL DEFAULT true, "org_unit_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_3617f5ad52593fd4355b38d03a1" UNIQUE ("code"), CONSTRAINT "PK_0be7539dcdba335470dc05e9690" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(32) NOT NULL, "password_hash" text NOT NULL, "name" character varying(50) NOT NULL, "role" character varying(24) NOT NULL, "staff_no" character varying(32), "org_unit_id" uuid, "institution_id" uuid, "rank_level" character varying(16), "position" character varying(60), "law_enforcement" boolean NOT NULL DEFAULT false, "grassroots" boolean NOT NULL DEFAULT false, "civil_service_entry_date" date, "disabled" boolean NOT NULL DEFAULT false, "must_change_password" boolean NOT NULL DEFAULT false, "failed_login_count" integer NOT NULL DEFAULT '0', "last_failed_login_at" TIMESTAMP WITH TIME ZONE, "locked_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"), CONSTRAINT "UQ_01462e8db6ebf330b949aa97fce" UNIQUE ("staff_no"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_758b37f4f8ca8be4ddaefa51c9" ON "users"  ("org_unit_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_822972ceea1fda0973b8acc7bb" ON "users"  ("institution_id") `);
    await queryRunner.query(`CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "family_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_ip" character varying(64), "user_agent" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a7838d2ba25be1342091b6695f1" UNIQUE ("token_hash"), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_3ddc983c5f7bcf132fd8732c3f" ON "refresh_tokens"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d5e27da0cd39bc3bb2811fc8ba" ON "refresh_tokens"  ("family_id") `);
    await queryRunner.query(`ALTER TABLE "org_units" ADD CONSTRAINT "FK_93e336d1c079edb2cecd9c8f599" FOREIGN KEY ("parent_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "institutions" ADD CONSTRAINT "FK_0fe74887769a91ac9d08a876bb9" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_758b37f4f8ca8be4ddaefa51c9e" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_822972ceea1fda0973b8acc7bbe" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_822972ceea1fda0973b8acc7bbe"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_758b37f4f8ca8be4ddaefa51c9e"`);
    await queryRunner.query(`ALTER TABLE "institutions" DROP CONSTRAINT "FK_0fe74887769a91ac9d08a876bb9"`);
    await queryRunner.query(`ALTER TABLE "org_units" DROP CONSTRAINT "FK_93e336d1c079edb2cecd9c8f599"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d5e27da0cd39bc3bb2811fc8ba"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3ddc983c5f7bcf132fd8732c3f"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_822972ceea1fda0973b8acc7bb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_758b37f4f8ca8be4ddaefa51c9"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "institutions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_de6d94b4fec4ec249f3246420b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_93e336d1c079edb2cecd9c8f59"`);
    await queryRunner.query(`DROP TABLE "org_units"`);
  }
}
