import { Injectable } from '@nestjs/common';
import { DEFAULT_POLICY, PolicySettings } from '@xueshi/shared';
import { DataSource } from 'typeorm';
import { PolicyVersionEntity } from './policy-version.entity';

/** The year of a moment in China (UTC+8): credit years follow the local calendar. */
export function chinaYear(at: Date = new Date()): number {
  return new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
}

/** I8: the one place the rules are read. */
@Injectable()
export class PolicyService {
  constructor(private readonly ds: DataSource) {}

  async forYear(year = chinaYear()): Promise<PolicySettings> {
    const row = await this.ds.getRepository(PolicyVersionEntity).findOne({ where: { year } });
    return { ...DEFAULT_POLICY, ...(row?.settings ?? {}) };
  }
}
