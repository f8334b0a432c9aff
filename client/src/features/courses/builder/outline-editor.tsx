import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  FilePdfOutlined,
  PlayCircleOutlined,
  PlusOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { ChapterView, CourseDetail, LessonView, UploadLimits } from '@xueshi/shared';
import { App, Button, Card, Empty, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  addChapter,
  addLesson,
  deleteChapter,
  deleteLesson,
  renameChapter,
  reorderCourse,
  updateLesson,
} from '../../../api/courses';
import { useI18n } from '../../../lib/i18n';
import { showServerError } from '../../../lib/server-errors';
import { formatDuration } from '../format';
import { LessonMedia } from './lesson-media';
import { NameModal, type NameModalState } from './name-modal';
import { canMoveLesson, moveChapter, moveLesson, toOrder } from './outline-order';

interface Props {
  course: CourseDetail;
  editable: boolean;
  limits: UploadLimits | undefined;
  onChange: (c: CourseDetail) => void;
  /** fetch the course again (after transcoding settles, the durations change) */
  reload: () => void;
  /** preview a lesson here (review); by default the player page opens */
  onPreview?: (l: LessonView) => void;
}

/** 章节与课时: chapters and lessons in order, each lesson with its file. */
export function OutlineEditor({ course, editable, limits, onChange, reload, onPreview }: Props) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [naming, setNaming] = useState<NameModalState>(null);
  const [busy, setBusy] = useState(false);
  // lessons with an upload under way do not move (moving between chapters would interrupt it)
  const [uploading, setUploading] = useState<ReadonlySet<string>>(new Set());
  const markUploading = (id: string, on: boolean) =>
    setUploading((prev) => {
      if (prev.has(id) === on) return prev;
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const chapters = course.chapters;

  const run = async (fn: () => Promise<CourseDetail>, done?: string): Promise<boolean> => {
    setBusy(true);
    try {
      onChange(await fn());
      if (done) message.success(done);
      return true;
    } catch (e) {
      showServerError(e, message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const reorder = async (next: ChapterView[] | null) => {
    if (!next) return;
    const before = course;
    // show the new order at once; the server's answer replaces it
    onChange({ ...course, chapters: next });
    setBusy(true);
    try {
      onChange(await reorderCourse(course.id, toOrder(next)));
    } catch (e) {
      onChange(before);
      showServerError(e, message);
    } finally {
      setBusy(false);
    }
  };

  const onName = async (v: { title: string; kind?: 'video' | 'document' }): Promise<boolean> => {
    const s = naming;
    if (!s) return false;
    switch (s.mode) {
      case 'addChapter':
        return run(() => addChapter(course.id, v.title), t('outline.chapterAdded'));
      case 'renameChapter':
        return run(() => renameChapter(s.id, v.title), t('common.saved'));
      case 'addLesson':
        return run(() => addLesson(course.id, { chapterId: s.chapterId, title: v.title, kind: v.kind ?? 'video' }), t('outline.lessonAdded'));
      case 'renameLesson':
        return run(() => updateLesson(s.id, { title: v.title }), t('common.saved'));
    }
  };

  const confirmDeleteChapter = (c: ChapterView) =>
    modal.confirm({
      title: t('outline.deleteChapter'),
      content: t('outline.deleteChapterConfirm', { title: c.title }),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      okText: t('common.delete'),
      onOk: () => run(() => deleteChapter(c.id), t('outline.deleted')),
    });

  const confirmDeleteLesson = (l: LessonView) =>
    modal.confirm({
      title: t('outline.deleteLesson'),
      content: t('outline.deleteLessonConfirm', { title: l.title }),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      okText: t('common.delete'),
      onOk: () => run(() => deleteLesson(l.id), t('outline.deleted')),
    });

  const lessonRow = (l: LessonView) => (
    <div key={l.id} className="xs-lesson-row" data-testid={`lesson-${l.id}`}>
      <Flex align="flex-start" justify="space-between" gap={12} wrap>
        <Flex align="center" gap={8} style={{ minWidth: 0, flex: '1 1 260px' }}>
          {l.kind === 'video' ? <VideoCameraOutlined style={{ color: '#1d4f91' }} /> : <FilePdfOutlined style={{ color: '#b3261e' }} />}
          <Typography.Text strong ellipsis title={l.title} data-testid="lesson-title">
            {l.title}
          </Typography.Text>
          <Tag style={{ marginInlineEnd: 0 }}>{l.kind === 'video' ? t('outline.kindVideo') : t('outline.kindDocument')}</Tag>
          {l.kind === 'video' && l.durationSeconds !== null && (
            <Typography.Text type="secondary" className="xs-mono">
              {formatDuration(l.durationSeconds)}
            </Typography.Text>
          )}
          {l.kind === 'document' && l.asset?.pageCount != null && (
            <Typography.Text type="secondary" data-testid="lesson-pages">
              {t('doc.pages', { n: l.asset.pageCount })}
            </Typography.Text>
          )}
        </Flex>
        <Space size={0} wrap>
          {l.asset?.status === 'ready' && (
            <Tooltip title={t('outline.previewLesson')}>
              <Button
                type="text"
                size="small"
                icon={<PlayCircleOutlined />}
                onClick={() => (onPreview ? onPreview(l) : navigate(`/lessons/${l.id}?course=${course.id}`, { state: { back: `/courses/${course.id}/edit` } }))}
                data-testid="lesson-preview"
                aria-label={t('outline.previewLesson')}
              />
            </Tooltip>
          )}
          {editable && (
            <>
              <Tooltip title={t('outline.moveUp')}>
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={busy || uploading.has(l.id) || !canMoveLesson(chapters, l.id, -1)}
                  onClick={() => void reorder(moveLesson(chapters, l.id, -1))}
                  data-testid="lesson-up"
                  aria-label={t('outline.moveUp')}
                />
              </Tooltip>
              <Tooltip title={t('outline.moveDown')}>
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={busy || uploading.has(l.id) || !canMoveLesson(chapters, l.id, 1)}
                  onClick={() => void reorder(moveLesson(chapters, l.id, 1))}
                  data-testid="lesson-down"
                  aria-label={t('outline.moveDown')}
                />
              </Tooltip>
              <Tooltip title={t('outline.renameLesson')}>
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setNaming({ mode: 'renameLesson', id: l.id, title: l.title })}
                  data-testid="lesson-rename"
                  aria-label={t('outline.renameLesson')}
                />
              </Tooltip>
              <Tooltip title={t('outline.deleteLesson')}>
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => confirmDeleteLesson(l)}
                  data-testid="lesson-delete"
                  aria-label={t('outline.deleteLesson')}
                />
              </Tooltip>
            </>
          )}
        </Space>
      </Flex>
      <div style={{ paddingInlineStart: 22, marginTop: 6 }}>
        <LessonMedia
          lesson={l}
          editable={editable}
          limits={limits}
          onAttach={async (assetId) => {
            onChange(await updateLesson(l.id, { assetId }));
            message.success(t('upload.attached', { title: l.title }));
          }}
          onSettled={reload}
          onBusyChange={(on) => markUploading(l.id, on)}
        />
      </div>
    </div>
  );

  return (
    <Card
      title={t('outline.title')}
      extra={
        editable && (
          <Button icon={<PlusOutlined />} onClick={() => setNaming({ mode: 'addChapter' })} data-testid="chapter-add">
            {t('outline.addChapter')}
          </Button>
        )
      }
      data-testid="outline"
    >
      {chapters.length === 0 && <Empty description={t('outline.empty')} />}
      <Flex vertical gap={16}>
        {chapters.map((c, ci) => (
          <div key={c.id} className="xs-chapter" data-testid={`chapter-${c.id}`}>
            <Flex align="center" justify="space-between" gap={8} wrap className="xs-chapter-head">
              <Flex align="center" gap={8} style={{ minWidth: 0 }}>
                <span className="xs-chapter-no">{ci + 1}</span>
                <Typography.Text strong ellipsis style={{ fontSize: 15 }} data-testid="chapter-title">
                  {c.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {t('outline.lessonCount', { n: c.lessons.length })}
                </Typography.Text>
              </Flex>
              {editable && (
                <Space size={0} wrap>
                  <Tooltip title={t('outline.moveUp')}>
                    <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={busy || ci === 0} onClick={() => void reorder(moveChapter(chapters, ci, -1))} data-testid="chapter-up" aria-label={t('outline.moveUp')} />
                  </Tooltip>
                  <Tooltip title={t('outline.moveDown')}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowDownOutlined />}
                      disabled={busy || ci === chapters.length - 1}
                      onClick={() => void reorder(moveChapter(chapters, ci, 1))}
                      data-testid="chapter-down"
                      aria-label={t('outline.moveDown')}
                    />
                  </Tooltip>
                  <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setNaming({ mode: 'renameChapter', id: c.id, title: c.title })} data-testid="chapter-rename">
                    {t('outline.rename')}
                  </Button>
                  <Tooltip title={c.lessons.length > 0 ? t('outline.deleteChapterNotEmpty') : chapters.length === 1 ? t('outline.deleteChapterLast') : undefined}>
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={c.lessons.length > 0 || chapters.length === 1}
                      onClick={() => confirmDeleteChapter(c)}
                      data-testid="chapter-delete"
                    >
                      {t('common.delete')}
                    </Button>
                  </Tooltip>
                </Space>
              )}
            </Flex>
            <div>
              {c.lessons.length === 0 && (
                <Typography.Text type="secondary" style={{ display: 'block', padding: '12px 16px' }}>
                  {t('outline.chapterEmpty')}
                </Typography.Text>
              )}
              {c.lessons.map((l) => lessonRow(l))}
            </div>
            {editable && (
              <div style={{ padding: '8px 12px' }}>
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => setNaming({ mode: 'addLesson', chapterId: c.id, chapterTitle: c.title })} data-testid="lesson-add">
                  {t('outline.addLesson')}
                </Button>
              </div>
            )}
          </div>
        ))}
      </Flex>
      <NameModal state={naming} onClose={() => setNaming(null)} onSubmit={onName} />
    </Card>
  );
}
