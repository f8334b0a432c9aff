import { Module } from '@nestjs/common';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { OrgUnitsRepository } from './org-units.repository';

@Module({
  controllers: [OrganizationsController],
  providers: [OrganizationsService, OrgUnitsRepository],
  exports: [OrgUnitsRepository],
})
export class OrganizationsModule {}
