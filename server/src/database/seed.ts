import { seedDemoAssessment } from './seed-assessment';
import { randomUUID } from 'node:crypto';
import { seedDemoCompliance } from './seed-compliance';
import { DataSource } from 'typeorm';
import type { OrgUnitType, RankLevel, Role } from '@xueshi/shared';
import { hashPassword } from '../modules/accounts/password';
import { parseEnv } from '../config/env';
import { dataSourceOptions } from './data-source';
import { seedCategories, seedDemoCourses } from './seed-courses';

/** The password of every demo login (README lists them). */
export const DEMO_PASSWORD = 'Xueshi2026';

interface UnitSeed {
  code: string;
  name: string;
  type: OrgUnitType;
  children?: UnitSeed[];
}

/** A small but believable tree: the city, two districts, one city department, a few units. */
export const DEMO_TREE: UnitSeed = {
  code: 'CQ', name: '重庆市', type: 'city',
  children: [
    {
      code: 'CQ-YZ', name: '渝中区', type: 'district',
      children: [
        { code: 'CQ-YZ-ZFB', name: '渝中区人民政府办公室', type: 'unit' },
        { code: 'CQ-YZ-SCJ', name: '渝中区市场监督管理局', type: 'unit' },
        { code: 'CQ-YZ-JDJ', name: '渝中区解放碑街道办事处', type: 'unit' },
      ],
    },
    {
      code: 'CQ-JB', name: '江北区', type: 'district',
      children: [
        { code: 'CQ-JB-SFJ', name: '江北区司法局', type: 'unit' },
        { code: 'CQ-JB-ZWB', name: '江北区政务服务管理办公室', type: 'unit' },
      ],
    },
    {
      code: 'CQ-RSJ', name: '重庆市人力资源和社会保障局', type: 'department',
      children: [{ code: 'CQ-RSJ-GWY', name: '市公务员局综合处', type: 'unit' }],
    },
  ],
};

interface UserSeed {
  username: string;
  name: string;
  role: Role;
  unit?: string;
  institution?: boolean;
  staffNo?: string;
  rankLevel?: RankLevel;
  position?: string;
  lawEnforcement?: boolean;
  grassroots?: boolean;
  civilServiceEntryDate?: string;
}

export const DEMO_USERS: UserSeed[] = [
  { username: 'sysadmin', name: '市公务员局管理员', role: 'sys_admin', unit: 'CQ-RSJ-GWY' },
  { username: 'yz_admin', name: '渝中区组织人事科', role: 'org_admin', unit: 'CQ-YZ' },
  { username: 'jb_admin', name: '江北区组织人事科', role: 'org_admin', unit: 'CQ-JB' },
  { username: 'inst_admin', name: '市行政学院培训处', role: 'institution_admin', institution: true },
  { username: 'teacher', name: '王老师', role: 'instructor', institution: true, position: '副教授' },
  {
    username: 'official', name: '李明', role: 'official', unit: 'CQ-YZ-SCJ', staffNo: 'YZ2019001',
    rankLevel: 'section', position: '副科长', lawEnforcement: true, civilServiceEntryDate: '2019-08-01',
  },
  {
    username: 'official2', name: '张丽', role: 'official', unit: 'CQ-YZ-JDJ', staffNo: 'YZ2025017',
    rankLevel: 'clerk', position: '科员', grassroots: true, civilServiceEntryDate: '2025-09-01',
  },
  {
    username: 'official3', name: '陈刚', role: 'official', unit: 'CQ-JB-SFJ', staffNo: 'JB2012008',
    rankLevel: 'division', position: '副局长', lawEnforcement: true, civilServiceEntryDate: '2012-07-15',
  },
];

export const DEMO_INSTITUTION = { code: 'CQ-XZXY', name: '重庆市行政学院' };

/** Idempotent: creates what is missing, never changes what exists (a second start keeps the data). */
export async function seedDemo(ds: DataSource): Promise<{ created: number }> {
  let created = await seedCategories(ds);
  const ids = new Map<string, { id: string; path: string }>();
  const walk = async (u: UnitSeed, parent: { id: string; path: string; depth: number } | null) => {
    const [row] = await ds.query('SELECT id, path, depth FROM org_units WHERE code = $1', [u.code]);
    let me: { id: string; path: string; depth: number };
    if (row) me = row;
    else {
      const id = randomUUID();
      me = { id, path: `${parent?.path ?? '/'}${id}/`, depth: parent ? parent.depth + 1 : 0 };
      await ds.query('INSERT INTO org_units (id, parent_id, code, name, type, path, depth) VALUES ($1,$2,$3,$4,$5,$6,$7)', [
        id, parent?.id ?? null, u.code, u.name, u.type, me.path, me.depth,
      ]);
      created++;
    }
    ids.set(u.code, me);
    for (const c of u.children ?? []) await walk(c, me);
  };
  await walk(DEMO_TREE, null);

  let [inst] = await ds.query('SELECT id FROM institutions WHERE code = $1', [DEMO_INSTITUTION.code]);
  if (!inst) {
    [inst] = await ds.query('INSERT INTO institutions (code, name, qualified, org_unit_id) VALUES ($1,$2,true,$3) RETURNING id', [
      DEMO_INSTITUTION.code, DEMO_INSTITUTION.name, ids.get('CQ')!.id,
    ]);
    created++;
  }

  const hash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const res = await ds.query(
      `INSERT INTO users (username, password_hash, name, role, staff_no, org_unit_id, institution_id, rank_level, position,
                          law_enforcement, grassroots, civil_service_entry_date)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [
        u.username, hash, u.name, u.role, u.staffNo ?? null, u.unit ? ids.get(u.unit)!.id : null, u.institution ? inst.id : null,
        u.rankLevel ?? null, u.position ?? null, u.lawEnforcement ?? false, u.grassroots ?? false, u.civilServiceEntryDate ?? null,
      ],
    );
    created += res.length;
  }
  return { created };
}

/** `node seed.js`: reference data (categories); with `--demo`, the demo tree, people and courses. */
async function main() {
  const env = parseEnv();
  const ds = new DataSource(dataSourceOptions(env.DATABASE_URL, { poolSize: 2 }));
  await ds.initialize();
  try {
    const cats = await seedCategories(ds);
    if (cats) console.log(`reference data: ${cats} course categories created`);
    if (process.argv.includes('--demo-people')) await seedDemo(ds);
    if (process.argv.includes('--demo')) {
      const { created } = await seedDemo(ds);
      const courses = await seedDemoCourses(ds, env, { enqueue: true });
      await seedDemoAssessment(ds);
      const people = await seedDemoCompliance(ds);
      if (people) console.log(`demo data: ${people} officials with this year's credit so far, and a finished 双基 class`);
      console.log(
        created || courses.created
          ? `demo data: ${created} records and ${courses.created} courses created; ${courses.queued} demo videos queued for transcoding`
          : 'demo data: already present',
      );
    }
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
