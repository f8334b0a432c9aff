import { routes } from '@xueshi/shared';
import { call } from './http';

/** A one-time link to the job-queue dashboard (system admins) */
export const queueBoardTicket = () => call(routes.queueBoardTicket);
