import { applyDecorators, HttpCode, RequestMapping, RequestMethod, SetMetadata } from '@nestjs/common';
import type { RouteDef } from '@xueshi/shared';

export const ROUTE_DEF = 'xueshi:route-def';

const METHODS: Record<RouteDef['method'], RequestMethod> = {
  GET: RequestMethod.GET,
  POST: RequestMethod.POST,
  PATCH: RequestMethod.PATCH,
  PUT: RequestMethod.PUT,
  DELETE: RequestMethod.DELETE,
};

/** Bind a controller method to a route of the shared contract: path, method, auth and schemas. */
export function Route(def: RouteDef) {
  return applyDecorators(
    RequestMapping({ path: def.path, method: METHODS[def.method] }),
    HttpCode(def.status ?? 200),
    SetMetadata(ROUTE_DEF, def),
  );
}
