import type { FastifyRequest } from 'fastify';
import type { Role } from '@xueshi/shared';

/** What a verified access token tells about the caller. */
export interface Principal {
  userId: string;
  role: Role;
  orgUnitId: string | null;
  /** materialised path of the caller's organisation unit, e.g. /a/b/ */
  orgPath: string | null;
  institutionId: string | null;
  /** a one-time password is in use: only the password change is open */
  mustChangePassword: boolean;
  /** the signed-in session (refresh-token family) the access token belongs to: revocable at once */
  sessionId?: string | null;
}

export type AppRequest = FastifyRequest & { principal?: Principal };
