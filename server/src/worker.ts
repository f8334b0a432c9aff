import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { INestApplicationContext } from '@nestjs/common';
import { createLogger, PinoNestLogger } from './common/logger';
import { env } from './config/env';
import { WorkerModule } from './worker.module';

export async function createWorker(): Promise<INestApplicationContext> {
  const cfg = env();
  const ctx = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new PinoNestLogger(createLogger(cfg.LOG_LEVEL, 'worker')),
    abortOnError: false,
  });
  ctx.enableShutdownHooks();
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
  createWorker().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
