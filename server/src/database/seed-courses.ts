import { Queue } from 'bullmq';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { Env } from '../config/env';
import { createStorage } from '../modules/media/storage/storage.provider';
import { addJob } from '../queue/job-queue.service';
import { JobName, JOBS } from '../queue/queues';
import { connectRedis, queuePrefix } from '../queue/redis.service';

/** 课程类别 (P12), from the policy's main tasks (§三). */
export const DEFAULT_CATEGORIES = [
  { code: 'political-theory', nameZh: '政治理论', nameEn: 'Political theory', legal: false },
  { code: 'professional-ethics', nameZh: '职业道德', nameEn: 'Professional ethics', legal: false },
  { code: 'governance', nameZh: '治理能力', nameEn: 'Governance capability', legal: false },
  { code: 'rule-of-law', nameZh: '依法行政', nameEn: 'Law-based administration', legal: true },
  { code: 'internet-gov', nameZh: '互联网+政务服务', nameEn: 'Internet + government services', legal: false },
  { code: 'initial', nameZh: '初任培训', nameEn: 'Initial training', legal: false },
  { code: 'appointment', nameZh: '任职培训', nameEn: 'Appointment training', legal: false },
  { code: 'specialised', nameZh: '专门业务培训', nameEn: 'Specialised training', legal: false },
  { code: 'in-service', nameZh: '在职培训', nameEn: 'In-service training', legal: false },
  { code: 'grassroots', nameZh: '双基培训', nameEn: 'Grassroots & basic-post training', legal: false },
  { code: 'paired', nameZh: '对口培训', nameEn: 'Paired training', legal: false },
];

export async function seedCategories(ds: DataSource): Promise<number> {
  let n = 0;
  for (const [i, c] of DEFAULT_CATEGORIES.entries()) {
    const r = await ds.query(
      `INSERT INTO categories (code, name_zh, name_en, legal, sort) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [c.code, c.nameZh, c.nameEn, c.legal, (i + 1) * 10],
    );
    n += r.length;
  }
  return n;
}

interface DemoLesson {
  title: string;
  seconds: number;
  height: 360 | 720;
  /** lavfi source for the picture */
  source: 'testsrc2' | 'smptebars' | 'mandelbrot';
}

interface DemoCourse {
  key: string;
  title: string;
  summary: string;
  category: string;
  required: boolean;
  microLecture: boolean;
  sharing: 'institution' | 'shared';
  chapters: { title: string; lessons: DemoLesson[] }[];
}

export const DEMO_COURSES: DemoCourse[] = [
  {
    key: 'demo-ywtb',
    title: '互联网+政务服务：“一网通办”实务',
    summary: '围绕政务服务“一网通办”，讲解事项梳理、流程再造、数据共享与群众满意度评价的基本方法。',
    category: 'internet-gov',
    required: true,
    microLecture: false,
    sharing: 'shared',
    chapters: [
      { title: '第一章 一网通办的要求', lessons: [{ title: '1.1 政务服务事项标准化', seconds: 150, height: 720, source: 'testsrc2' }] },
      { title: '第二章 流程再造', lessons: [{ title: '2.1 减环节、减材料、减时限', seconds: 120, height: 360, source: 'smptebars' }] },
    ],
  },
  {
    key: 'demo-yfxz',
    title: '依法行政与行政执法“三项制度”',
    summary: '行政执法公示、执法全过程记录、重大执法决定法制审核制度解读。',
    category: 'rule-of-law',
    required: false,
    microLecture: false,
    sharing: 'shared',
    chapters: [{ title: '第一章 三项制度概述', lessons: [{ title: '1.1 执法公示与全过程记录', seconds: 90, height: 360, source: 'mandelbrot' }] }],
  },
  {
    key: 'demo-wk',
    title: '微课：窗口服务礼仪',
    summary: '五分钟掌握政务服务窗口接待的基本礼仪。',
    category: 'professional-ethics',
    required: false,
    microLecture: true,
    sharing: 'institution',
    chapters: [{ title: '微课', lessons: [{ title: '窗口服务礼仪', seconds: 45, height: 360, source: 'testsrc2' }] }],
  },
];

function makeVideo(ffmpeg: string, l: DemoLesson, out: string) {
  const size = l.height === 720 ? '1280x720' : '640x360';
  execFileSync(ffmpeg, [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-t', String(l.seconds), '-i', `${l.source}=size=${size}:rate=25`,
    '-f', 'lavfi', '-t', String(l.seconds), '-i', 'sine=frequency=440:sample_rate=44100',
    '-pix_fmt', 'yuv420p', '-profile:v', 'main', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', out,
  ]);
}

/**
 * Demo courses with real media: source videos generated with ffmpeg's test sources, stored and
 * transcoded by the worker through the same pipeline as any upload. Idempotent per course.
 */
export async function seedDemoCourses(ds: DataSource, env: Env, opts: { enqueue: boolean }): Promise<{ created: number; queued: number }> {
  const [inst] = await ds.query(`SELECT id FROM institutions WHERE code = 'CQ-XZXY'`);
  const [teacher] = await ds.query(`SELECT id FROM users WHERE username = 'teacher'`);
  if (!inst || !teacher) return { created: 0, queued: 0 };
  const storage = createStorage(env);
  // the configured Redis (one server, Sentinel or Cluster), as the api and worker use it
  const conn = opts.enqueue ? connectRedis(env, { maxRetriesPerRequest: null }) : null;
  const queue = conn ? new Queue(JOBS[JobName.Transcode].queue, { connection: conn, prefix: queuePrefix(env) }) : null;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'xueshi-seed-'));
  let created = 0;
  let queued = 0;
  try {
    for (const c of DEMO_COURSES) {
      const [exists] = await ds.query('SELECT 1 FROM media_assets WHERE upload_id = $1', [`${c.key}-0-0`]);
      if (exists) continue;
      // make the videos first, then write the course in one transaction: a failure leaves no half course
      const files = c.chapters.map((ch, ci) =>
        ch.lessons.map((l, li) => {
          const file = path.join(tmp, `${c.key}-${ci}-${li}.mp4`);
          makeVideo(env.FFMPEG_PATH, l, file);
          return file;
        }),
      );
      const assets: { id: string; file: string }[] = [];
      const courseId = await ds.transaction(async (m) => {
        const [cat] = await m.query('SELECT id FROM categories WHERE code = $1', [c.category]);
        const [course] = await m.query(
          `INSERT INTO courses (title, summary, category_id, required, micro_lecture, institution_id, sharing, status, created_by, published_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,'published',$8, now()) RETURNING id`,
          [c.title, c.summary, cat.id, c.required, c.microLecture, inst.id, c.sharing, teacher.id],
        );
        await m.query('INSERT INTO course_instructors (course_id, user_id) VALUES ($1,$2)', [course.id, teacher.id]);
        for (const [ci, ch] of c.chapters.entries()) {
          const [chapter] = await m.query('INSERT INTO chapters (course_id, title, position) VALUES ($1,$2,$3) RETURNING id', [course.id, ch.title, ci]);
          for (const [li, l] of ch.lessons.entries()) {
            const [asset] = await m.query(
              `INSERT INTO media_assets (owner_id, kind, status, upload_id, original_name, size_bytes, source_key)
               VALUES ($1,'video','queued',$2,$3,0,$4) RETURNING id`,
              [teacher.id, `${c.key}-${ci}-${li}`, `${l.title}.mp4`, `sources/pending-${c.key}-${ci}-${li}`],
            );
            await m.query('INSERT INTO lessons (course_id, chapter_id, title, kind, position, asset_id) VALUES ($1,$2,$3,$4,$5,$6)', [
              course.id, chapter.id, l.title, 'video', li, asset.id,
            ]);
            assets.push({ id: asset.id, file: files[ci][li] });
          }
        }
        return course.id as string;
      });
      for (const a of assets) {
        const key = `sources/${a.id}/demo.mp4`;
        await storage.putFile(key, a.file);
        await ds.query(`UPDATE media_assets SET source_key = $2, size_bytes = $3 WHERE id = $1`, [a.id, key, (await storage.size(key)) ?? 0]);
        if (queue) {
          await addJob(queue, JobName.Transcode, { assetId: a.id });
          queued++;
        }
      }
      const course = { id: courseId };
      // the demo officials: a required course assigned to 渝中区, an elective chosen by one of them
      if (c.required) {
        await ds.query(
          `INSERT INTO enrolments (user_id, course_id, source) SELECT u.id, $1, 'assigned' FROM users u
            JOIN org_units ou ON ou.id = u.org_unit_id WHERE u.role = 'official' AND ou.code LIKE 'CQ-YZ%' ON CONFLICT DO NOTHING`,
          [course.id],
        );
      } else if (c.microLecture) {
        await ds.query(`INSERT INTO enrolments (user_id, course_id, source) SELECT id, $1, 'elective' FROM users WHERE username = 'official' ON CONFLICT DO NOTHING`, [
          course.id,
        ]);
      }
      created++;
    }
  } finally {
    await queue?.close();
    conn?.disconnect();
    rmSync(tmp, { recursive: true, force: true });
  }
  return { created, queued };
}
