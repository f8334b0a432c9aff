import { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentPages1795894078870 implements MigrationInterface {
  name = 'DocumentPages1795894078870';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "media_assets" ADD "page_count" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "media_assets" DROP COLUMN "page_count"`);
  }
}
