import type { z } from 'zod';
import type { Role } from './enums';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** who may call a route: anyone, any signed-in user, or the listed roles */
export type RouteAuth = 'public' | 'authenticated' | readonly Role[];

/**
 * One HTTP route as both sides see it. The server registers and validates it from
 * this object, the client calls it through it, the OpenAPI document is built from it.
 */
export interface RouteDef<
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  P extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | undefined = z.ZodType | undefined,
> {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  auth: RouteAuth;
  body?: B;
  query?: Q;
  params?: P;
  response?: R;
  /** success status when not 200 */
  status?: number;
  /**
   * largest JSON body accepted, in bytes (default: the server's JSON_BODY_LIMIT_BYTES); bigger
   * answers 413 naming `body`. Upload routes keep their own limit (`upload.maxBytes`).
   */
  maxBodyBytes?: number;
  /** request body is multipart/form-data with a `file` part */
  upload?: { maxBytes: number; accept: readonly string[] };
  /** the access token may also come in the body (navigator.sendBeacon cannot set headers) */
  bodyToken?: boolean;
  /** response is a file download, not JSON */
  download?: string;
}

export function route<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(def: RouteDef<B, Q, P, R>): RouteDef<B, Q, P, R> {
  return def;
}

export type BodyOf<T> = T extends RouteDef<infer B, any, any, any> ? (B extends z.ZodType ? z.input<B> : undefined) : never;
export type QueryOf<T> = T extends RouteDef<any, infer Q, any, any> ? (Q extends z.ZodType ? z.input<Q> : undefined) : never;
export type ParamsOf<T> = T extends RouteDef<any, any, infer P, any> ? (P extends z.ZodType ? z.input<P> : undefined) : never;
export type ResponseOf<T> = T extends RouteDef<any, any, any, infer R> ? (R extends z.ZodType ? z.output<R> : void) : never;
