import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fromMultirange, Interval } from './intervals';
import { PlaySessionEntity } from './play-session.entity';

@Injectable()
export class PlaybackRepository {
  constructor(private readonly ds: DataSource) {}

  async insertSession(s: Pick<PlaySessionEntity, 'id' | 'userId' | 'lessonId' | 'courseId' | 'assetId' | 'startedAt' | 'device' | 'ip'>): Promise<void> {
    await this.ds.getRepository(PlaySessionEntity).insert(s);
  }

  async progress(userId: string, lessonId: string): Promise<{ coverage: Interval[]; coveredSeconds: number; verifiedSeconds: number; completedAt: Date | null } | null> {
    const [r] = await this.ds.query(
      'SELECT coverage::text AS coverage, covered_seconds, verified_seconds, completed_at FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2',
      [userId, lessonId],
    );
    if (!r) return null;
    return { coverage: fromMultirange(r.coverage), coveredSeconds: Number(r.covered_seconds), verifiedSeconds: Number(r.verified_seconds), completedAt: r.completed_at };
  }

  sessionsOf(userId: string, lessonId: string): Promise<PlaySessionEntity[]> {
    return this.ds.getRepository(PlaySessionEntity).find({ where: { userId, lessonId }, order: { startedAt: 'DESC' }, take: 50 });
  }

  async rejections(userId: string, lessonId: string): Promise<{ session_id: string; seq: number; reason: string; at: Date }[]> {
    return this.ds.query(
      `SELECT r.session_id, r.seq, r.reason, r.at FROM heartbeat_rejections r JOIN play_sessions s ON s.id = r.session_id
        WHERE s.user_id = $1 AND s.lesson_id = $2 ORDER BY r.at DESC LIMIT 200`,
      [userId, lessonId],
    );
  }
}
