import { ADMIN_ROLES } from './enums';
import { route } from './route';
import { ChangePasswordRequest, LoginRequest, LoginResponse, RefreshRequest, TokenPair } from './schemas/auth';
import { IdParams, OkResponse } from './schemas/common';
import { HealthResponse } from './schemas/health';
import {
  CreateInstitutionRequest,
  CreateOrgUnitRequest,
  InstitutionList,
  InstitutionView,
  OrgUnitTree,
  OrgUnitView,
  UpdateOrgUnitRequest,
} from './schemas/org-units';
import {
  CreateUserRequest,
  CreateUserResponse,
  ImportQuery,
  ImportReport,
  ListUsersQuery,
  ResetPasswordResponse,
  UpdateUserRequest,
  UserPage,
  UserView,
} from './schemas/users';

const TREE_ADMINS = ['sys_admin', 'org_admin'] as const;

/** Every HTTP route of the API. Adding a route here is the only way to add one. */
export const routes = {
  health: route({
    id: 'health', method: 'GET', path: '/api/health', tag: 'system', auth: 'public',
    summary: 'Liveness and readiness: database, Redis and worker state',
    response: HealthResponse,
  }),
  login: route({
    id: 'login', method: 'POST', path: '/api/auth/login', tag: 'auth', auth: 'public',
    summary: 'Log in with username and password',
    body: LoginRequest, response: LoginResponse,
  }),
  refresh: route({
    id: 'refresh', method: 'POST', path: '/api/auth/refresh', tag: 'auth', auth: 'public',
    summary: 'Exchange a refresh token for a new token pair (the old one stops working)',
    body: RefreshRequest, response: TokenPair,
  }),
  logout: route({
    id: 'logout', method: 'POST', path: '/api/auth/logout', tag: 'auth', auth: 'public',
    summary: 'Revoke a refresh token',
    body: RefreshRequest, response: OkResponse,
  }),
  changePassword: route({
    id: 'changePassword', method: 'POST', path: '/api/auth/change-password', tag: 'auth', auth: 'authenticated',
    summary: 'Change one\'s own password; other sessions are signed out',
    body: ChangePasswordRequest, response: TokenPair,
  }),
  me: route({
    id: 'me', method: 'GET', path: '/api/me', tag: 'auth', auth: 'authenticated',
    summary: 'The signed-in user', response: UserView,
  }),
  listUsers: route({
    id: 'listUsers', method: 'GET', path: '/api/users', tag: 'users', auth: ADMIN_ROLES,
    summary: 'Users within the caller\'s scope', query: ListUsersQuery, response: UserPage,
  }),
  createUser: route({
    id: 'createUser', method: 'POST', path: '/api/users', tag: 'users', auth: ADMIN_ROLES,
    summary: 'Create a user within the caller\'s scope', body: CreateUserRequest, response: CreateUserResponse, status: 201,
  }),
  importTemplate: route({
    id: 'importTemplate', method: 'GET', path: '/api/users/import-template', tag: 'users', auth: TREE_ADMINS,
    summary: 'The XLSX template for bulk import of officials', download: 'officials-import-template.xlsx',
  }),
  importUsers: route({
    id: 'importUsers', method: 'POST', path: '/api/users/import', tag: 'users', auth: TREE_ADMINS,
    summary: 'Bulk import officials from XLSX or CSV with a row-by-row report',
    query: ImportQuery, response: ImportReport,
    upload: {
      maxBytes: 5 * 1024 * 1024,
      accept: ['.xlsx', '.csv'],
    },
  }),
  getUser: route({
    id: 'getUser', method: 'GET', path: '/api/users/:id', tag: 'users', auth: ADMIN_ROLES,
    summary: 'One user within the caller\'s scope', params: IdParams, response: UserView,
  }),
  updateUser: route({
    id: 'updateUser', method: 'PATCH', path: '/api/users/:id', tag: 'users', auth: ADMIN_ROLES,
    summary: 'Edit, disable, enable or unlock a user', params: IdParams, body: UpdateUserRequest, response: UserView,
  }),
  resetPassword: route({
    id: 'resetPassword', method: 'POST', path: '/api/users/:id/reset-password', tag: 'users', auth: ADMIN_ROLES,
    summary: 'Set a new one-time password; the user must change it at next login',
    params: IdParams, response: ResetPasswordResponse,
  }),
  orgTree: route({
    id: 'orgTree', method: 'GET', path: '/api/org-units', tag: 'organisation', auth: ADMIN_ROLES,
    summary: 'The organisation tree within the caller\'s scope', response: OrgUnitTree,
  }),
  createOrgUnit: route({
    id: 'createOrgUnit', method: 'POST', path: '/api/org-units', tag: 'organisation', auth: TREE_ADMINS,
    summary: 'Add a node under one the caller manages', body: CreateOrgUnitRequest, response: OrgUnitView, status: 201,
  }),
  updateOrgUnit: route({
    id: 'updateOrgUnit', method: 'PATCH', path: '/api/org-units/:id', tag: 'organisation', auth: TREE_ADMINS,
    summary: 'Rename a node', params: IdParams, body: UpdateOrgUnitRequest, response: OrgUnitView,
  }),
  listInstitutions: route({
    id: 'listInstitutions', method: 'GET', path: '/api/institutions', tag: 'organisation', auth: ADMIN_ROLES,
    summary: 'Training institutions (施教机构) visible to the caller', response: InstitutionList,
  }),
  createInstitution: route({
    id: 'createInstitution', method: 'POST', path: '/api/institutions', tag: 'organisation', auth: ['sys_admin'],
    summary: 'Register a training institution', body: CreateInstitutionRequest, response: InstitutionView, status: 201,
  }),
} as const;

export type Routes = typeof routes;
export type RouteId = keyof Routes;
