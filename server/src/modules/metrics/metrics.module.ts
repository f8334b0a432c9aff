import { Global, Module } from '@nestjs/common';
import { MetricsGateway } from './metrics.gateway';
import { SharedCounters } from './shared-counters';

/** Prometheus metrics of the api; the shared counters are used by the worker too. */
@Global()
@Module({ providers: [MetricsGateway, SharedCounters], exports: [SharedCounters] })
export class MetricsModule {}
