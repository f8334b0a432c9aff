import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1795899578942 implements MigrationInterface {
  name = 'AuditLog1795899578942';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_role" character varying(20) NOT NULL, "action" character varying(40) NOT NULL, "target_id" character varying(64), "ip" character varying(64), "status" integer NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log"  ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_a28b9b2ed6a8f4f5d090b6f746" ON "audit_log"  ("target_id", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_c7d3ae3160ef4430133acbe742" ON "audit_log"  ("actor_id", "at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_c7d3ae3160ef4430133acbe742"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a28b9b2ed6a8f4f5d090b6f746"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ba27cef5b8b2b1a756e06ebcc5"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
