import { Injectable } from '@nestjs/common';
import { DEFAULT_POLICY, PolicySettings, PolicyUpdate, PolicyYearView } from '@xueshi/shared';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors';
import { PolicyVersionEntity } from './policy-version.entity';

/** The year of a moment in China (UTC+8): credit years follow the local calendar. */
export function chinaYear(at: Date = new Date()): number {
  return new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
}

/**
 * I8: the one place the rules are read. Settings are versioned by year: a year without a row
 * uses the defaults, and a past year is closed, so changing next year never changes this one.
 */
@Injectable()
export class PolicyService {
  constructor(private readonly ds: DataSource) {}

  async forYear(year = chinaYear()): Promise<PolicySettings> {
    const row = await this.ds.getRepository(PolicyVersionEntity).findOne({ where: { year } });
    return { ...DEFAULT_POLICY, ...(row?.settings ?? {}) };
  }

  async view(year: number, now = new Date()): Promise<PolicyYearView> {
    const row = await this.ds.getRepository(PolicyVersionEntity).findOne({ where: { year } });
    return {
      year, settings: { ...DEFAULT_POLICY, ...(row?.settings ?? {}) }, isDefault: !row, editable: year >= chinaYear(now),
      updatedAt: row ? row.updatedAt.toISOString() : null,
    };
  }

  async update(year: number, patch: PolicyUpdate, by: string, now = new Date()): Promise<PolicyYearView> {
    if (year < chinaYear(now)) {
      throw new AppError('CONFLICT', { zh: `${year} 年度已结束，其政策参数不能再修改`, en: `${year} is closed: its settings no longer change` }, 'year');
    }
    if (!Object.keys(patch).length) throw new AppError('VALIDATION_FAILED', { zh: '没有要修改的参数', en: 'Nothing to change' }, 'settings');
    await this.ds.transaction(async (m) => {
      const [row] = await m.query('SELECT settings FROM policy_versions WHERE year = $1 FOR UPDATE', [year]);
      const merged = PolicySettings.parse({ ...DEFAULT_POLICY, ...(row?.settings ?? {}), ...patch });
      // store only what differs from the defaults: a later change of a default still reaches years that never set it
      const own = Object.fromEntries(Object.entries(merged).filter(([k, v]) => DEFAULT_POLICY[k as keyof PolicySettings] !== v));
      await m.query(
        `INSERT INTO policy_versions (year, settings, updated_at, updated_by) VALUES ($1, $2, now(), $3)
         ON CONFLICT (year) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now(), updated_by = EXCLUDED.updated_by`,
        [year, JSON.stringify(own), by],
      );
    });
    return this.view(year, now);
  }
}
