import type { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

/** Fields never written to a log. */
export const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.refreshToken',
  '*.accessToken',
];

export function createLogger(level: string, name: string): Logger {
  return pino({ level, name, redact: REDACT, base: { pid: process.pid, proc: name } });
}

/** Nest's own messages through pino, so every line is structured JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}
  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, rest: unknown[]) {
    const context = rest.length && typeof rest[rest.length - 1] === 'string' ? rest[rest.length - 1] : undefined;
    if (message instanceof Error) this.pino[level]({ err: message, context }, message.message);
    else this.pino[level]({ context }, String(message));
  }
  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
}
