import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service';
import { RedisService } from './redis.service';

@Global()
@Module({ providers: [RedisService, JobQueue], exports: [RedisService, JobQueue] })
export class RedisModule {}
