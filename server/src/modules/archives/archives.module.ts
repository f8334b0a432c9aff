import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance/compliance.module';
import { ArchiveService } from './archive.service';
import { ArchivesController } from './archives.controller';
import { PdfRenderer } from './pdf-renderer';

/** 培训档案: the yearly archive as PDF and XLSX, and its public verification. */
@Module({
  imports: [ComplianceModule],
  controllers: [ArchivesController],
  providers: [ArchiveService, PdfRenderer],
})
export class ArchivesModule {}
