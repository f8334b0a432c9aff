import { CaretRightFilled, FilePdfOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { CourseDetail, LessonView } from '@xueshi/shared';
import { Flex, Typography } from 'antd';
import { useI18n } from '../../lib/i18n';
import { lessonLength } from '../courses/format';

/** A lesson can be opened when its media is ready (learners only see published, ready courses). */
export function playable(l: LessonView): boolean {
  return l.asset ? l.asset.status === 'ready' : l.assetId !== null;
}

/** The course's chapters beside the player, the current lesson highlighted. */
export function CourseOutlineNav({ course, currentId, onOpen }: { course: CourseDetail; currentId: string; onOpen: (l: LessonView) => void }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={12} data-testid="player-outline">
      {course.chapters.map((c) => (
        <div key={c.id}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
            {c.title}
          </Typography.Text>
          {c.lessons.length === 0 && <Typography.Text type="secondary">{t('outline.chapterEmpty')}</Typography.Text>}
          {c.lessons.map((l) => {
            const current = l.id === currentId;
            const open = playable(l);
            return (
              <div
                key={l.id}
                role="button"
                tabIndex={open ? 0 : -1}
                aria-current={current ? 'true' : undefined}
                aria-disabled={!open}
                className={`xs-nav-lesson${current ? ' is-current' : ''}${open ? '' : ' is-disabled'}`}
                onClick={() => open && !current && onOpen(l)}
                onKeyDown={(e) => {
                  if (open && !current && (e.key === 'Enter' || e.key === ' ')) {
                    e.preventDefault();
                    onOpen(l);
                  }
                }}
                data-testid={`nav-lesson-${l.id}`}
                data-current={current ? 'true' : undefined}
              >
                <span className="xs-nav-icon">
                  {current ? <CaretRightFilled /> : l.kind === 'video' ? <PlayCircleOutlined /> : <FilePdfOutlined />}
                </span>
                <span className="xs-nav-title" title={l.title}>
                  {l.title}
                </span>
                <span className="xs-nav-time xs-mono">{lessonLength(l, t)}</span>
              </div>
            );
          })}
        </div>
      ))}
    </Flex>
  );
}
