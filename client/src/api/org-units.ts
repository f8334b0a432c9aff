import { routes, type CreateOrgUnitRequest, type UpdateOrgUnitRequest } from '@xueshi/shared';
import { call } from './http';

export const fetchOrgUnits = (signal?: AbortSignal) => call(routes.orgTree, { signal });
export const createOrgUnit = (body: CreateOrgUnitRequest) => call(routes.createOrgUnit, { body });
export const renameOrgUnit = (id: string, body: UpdateOrgUnitRequest) => call(routes.updateOrgUnit, { params: { id }, body });
export const fetchInstitutions = (signal?: AbortSignal) => call(routes.listInstitutions, { signal });
