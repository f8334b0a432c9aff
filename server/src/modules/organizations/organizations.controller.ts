import { Body, Controller, Param } from '@nestjs/common';
import { CreateInstitutionRequest, CreateOrgUnitRequest, routes, UpdateOrgUnitRequest } from '@xueshi/shared';
import { CurrentPrincipal } from '../../common/auth/principal.decorator';
import type { Principal } from '../../common/request';
import { Route } from '../../common/route.decorator';
import { OrganizationsService } from './organizations.service';

@Controller()
export class OrganizationsController {
  constructor(private readonly orgs: OrganizationsService) {}

  @Route(routes.orgTree)
  async tree(@CurrentPrincipal() p: Principal) {
    return { items: await this.orgs.tree(p) };
  }

  @Route(routes.createOrgUnit)
  create(@CurrentPrincipal() p: Principal, @Body() body: CreateOrgUnitRequest) {
    return this.orgs.create(p, body);
  }

  @Route(routes.updateOrgUnit)
  update(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: UpdateOrgUnitRequest) {
    return this.orgs.update(p, id, body);
  }

  @Route(routes.deleteOrgUnit)
  async remove(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    await this.orgs.remove(p, id);
    return { ok: true as const };
  }

  @Route(routes.listInstitutions)
  async institutions(@CurrentPrincipal() p: Principal) {
    return { items: await this.orgs.institutions(p) };
  }

  @Route(routes.createInstitution)
  createInstitution(@Body() body: CreateInstitutionRequest) {
    return this.orgs.createInstitution(body);
  }
}
