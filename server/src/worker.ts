import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { INestApplicationContext } from '@nestjs/common';
import { createLogger, PinoNestLogger } from './common/logger';
import { env } from './config/env';
import { WorkerModule } from './worker.module';
import { stopOnSignals } from './common/shutdown';

export async function createWorker(): Promise<INestApplicationContext> {
  const cfg = env();
  const ctx = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new PinoNestLogger(createLogger(cfg.LOG_LEVEL, 'worker')),
    abortOnError: false,
  });
  await ctx.init();
  return ctx;
}

if (require.main === module) {
  try {
    env();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  createWorker().then((ctx) => stopOnSignals(ctx)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
