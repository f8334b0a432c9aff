import { routes, type RouteDef } from '@xueshi/shared';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { startTestApp, TestApp } from './harness';

/**
 * Generated bodies, query strings and headers against every route of the contract, as a role the
 * route allows: no answer is a 5xx, and every 400 names the field at fault with a message.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

/** The keys a route's body or query knows, so that generated objects hit real fields too. */
function keysOf(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  try {
    const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
    return Object.keys(js.properties ?? {});
  } catch {
    return [];
  }
}

const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '0', '-1', 'null', 'true', '2026-13-40', '../../etc/passwd', '<script>', '１２３', '\u0000', 'A'.repeat(5000)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 4 }));

function bodyArb(def: RouteDef) {
  const keys = keysOf(def.body);
  const known = keys.length ? fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length + 1 }) : fc.constant({});
  return fc.oneof(known, fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined));
}

function queryArb(def: RouteDef) {
  const keys = [...keysOf(def.query), 'page', 'pageSize', 'q'];
  return fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String), fc.uuid()), { maxKeys: 3 });
}

const headerArb = fc.record(
  {
    'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'),
    'accept-language': fc.constantFrom('zh-CN', 'en', 'fr', '*', ''),
  },
  { requiredKeys: [] },
);

/** Someone the route lets in: its first role, or an official for "any signed-in user". */
function actorOf(def: RouteDef): string | null {
  if (def.auth === 'public') return null;
  if (def.auth === 'authenticated') return 'official';
  const byRole: Record<string, string> = { official: 'official', instructor: 'teacher', institution_admin: 'inst_admin', org_admin: 'yz_admin', sys_admin: 'sysadmin' };
  return byRole[def.auth[0]];
}

describe('fuzz: generated input to every route never gets a 5xx, and every 400 names its field', () => {
  let t: TestApp;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp();
    for (const u of ['official', 'teacher', 'inst_admin', 'yz_admin', 'sysadmin']) tokens.set(u, await t.login(u));
  }, 60_000);
  afterAll(async () => t.close());

  const defs = (Object.values(routes) as RouteDef[]).filter((d) => !['logout', 'changePassword', 'login', 'refresh'].includes(d.id));

  it.each(defs.map((d) => [d.id, d] as const))('%s', async (_id, def) => {
    const actor = actorOf(def);
    const token = actor ? tokens.get(actor) : undefined;
    await fc.assert(
      fc.asyncProperty(bodyArb(def), queryArb(def), headerArb, fc.boolean(), async (body, query, headers, realIds) => {
        const path = def.path.replace(/:(\w+)/g, (_, n) => (realIds ? randomUUID() : encodeURIComponent(String(n === 'uploadId' ? 'x' : 'not-a-uuid'))));
        const qs = new URLSearchParams(query as Record<string, string>).toString();
        const sendBody = def.method !== 'GET' && def.method !== 'DELETE' && body !== undefined;
        const res = await fetch(`${t.url}${path}${qs ? `?${qs}` : ''}`, {
          method: def.method,
          headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: sendBody ? JSON.stringify(body) : undefined,
        });
        const text = await res.text();
        let json: { field?: unknown; message?: unknown } = {};
        try {
          json = text ? JSON.parse(text) : {};
        } catch {
          // a download answers a file
        }
        // health answers 503 while no worker runs (none does here): that is its job
        if (res.status >= 500 && !(def.id === 'health' && res.status === 503)) throw new Error(`${def.id} ${res.status}: ${text.slice(0, 300)} for ${JSON.stringify({ body, query, headers })}`);
        if (res.status === 400 && (typeof json.field !== 'string' || !json.field || typeof json.message !== 'string' || !json.message)) {
          throw new Error(`${def.id} 400 without a field: ${text.slice(0, 300)}`);
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261128) },
    );
  });
});
