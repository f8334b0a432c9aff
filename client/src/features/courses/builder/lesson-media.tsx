import {
  CheckCircleFilled,
  CloseCircleFilled,
  CloudUploadOutlined,
  LoadingOutlined,
  PauseOutlined,
  CaretRightOutlined,
  StopOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import type { LessonView, MediaAssetView, UploadLimits } from '@xueshi/shared';
import { Alert, Button, Flex, Progress, Space, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../../lib/i18n';
import { formatBytes } from '../format';
import { useMediaStatus } from './use-media-status';
import { useTusUpload } from './use-tus-upload';

const ACCEPT = {
  video: 'video/*,.mp4,.m4v,.mov,.mkv,.avi,.flv,.wmv,.webm,.ts,.mpg,.mpeg',
  document: 'application/pdf,.pdf',
} as const;

/** The transcoding state of an attached file: queued → processing (%) → ready | failed. */
export function MediaStatusView({ asset }: { asset: MediaAssetView }) {
  const { t } = useI18n();
  if (asset.status === 'queued') {
    return (
      <Space size={6}>
        <LoadingOutlined style={{ color: '#1d4f91' }} />
        <Typography.Text type="secondary" data-testid="media-status" data-status="queued">
          {t('media.queued')}
        </Typography.Text>
      </Space>
    );
  }
  if (asset.status === 'processing') {
    return (
      <Flex align="center" gap={8} style={{ width: '100%', maxWidth: 360 }}>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }} data-testid="media-status" data-status="processing">
          {t('media.processing')}
        </Typography.Text>
        <Progress percent={asset.progress} size="small" status="active" style={{ margin: 0, flex: 1 }} data-testid="transcode-progress" />
      </Flex>
    );
  }
  if (asset.status === 'failed') {
    return (
      <Typography.Text type="danger">
        <CloseCircleFilled />{' '}
        <span data-testid="media-status" data-status="failed">
          {asset.failureReason ? t('media.failedReason', { reason: asset.failureReason }) : t('media.failed')}
        </span>
      </Typography.Text>
    );
  }
  return (
    <Space size={6} wrap>
      <Typography.Text style={{ color: '#237804' }}>
        <CheckCircleFilled />{' '}
        <span data-testid="media-status" data-status="ready">
          {t('media.ready')}
        </span>
      </Typography.Text>
      {asset.renditions.map((r) => (
        <Tag key={r} style={{ marginInlineEnd: 0 }} data-testid="media-rendition">
          {r}
        </Tag>
      ))}
      <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220 }} title={asset.originalName}>
        {asset.originalName} · {formatBytes(asset.sizeBytes)}
      </Typography.Text>
    </Space>
  );
}

interface Props {
  lesson: LessonView;
  editable: boolean;
  limits: UploadLimits | undefined;
  /** attach the uploaded asset to the lesson (PATCH /api/lessons/:id) */
  onAttach: (assetId: string) => Promise<void>;
  /** transcoding finished (ready or failed): the course's durations may have changed */
  onSettled: () => void;
  /** an upload starts or ends (the lesson should not move to another chapter meanwhile: that remounts it) */
  onBusyChange?: (busy: boolean) => void;
}

/** One lesson's file: its state, and (when editable) a resumable upload with progress. */
export function LessonMedia({ lesson, editable, limits, onAttach, onSettled, onBusyChange }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const asset = useMediaStatus(lesson.asset, onSettled);
  const { state, pending, start, pause, resume, cancel, reset } = useTusUpload({ lessonId: lesson.id, kind: lesson.kind, limits, onUploaded: onAttach });
  const busy = state.phase === 'uploading' || state.phase === 'paused' || state.phase === 'finishing';
  const onBusyRef = useRef(onBusyChange);
  onBusyRef.current = onBusyChange;
  useEffect(() => {
    onBusyRef.current?.(busy);
    return () => onBusyRef.current?.(false);
  }, [busy]);
  const percent = state.bytesTotal > 0 ? Math.floor((state.bytesSent / state.bytesTotal) * 100) : 0;
  const limitText =
    lesson.kind === 'video'
      ? t('upload.limitVideo', { size: limits ? formatBytes(limits.videoMaxBytes) : '…', hours: limits ? Math.round((limits.videoMaxSeconds / 3600) * 10) / 10 : '…' })
      : t('upload.limitDocument', { size: limits ? formatBytes(limits.documentMaxBytes) : '…' });

  const pick = () => input.current?.click();

  return (
    <Flex vertical gap={6} style={{ minWidth: 0 }} data-testid={`lesson-media-${lesson.id}`}>
      {!busy && state.phase !== 'error' && (asset ? <MediaStatusView asset={asset} /> : <Typography.Text type="secondary" data-testid="media-status" data-status="none">{t('media.none')}</Typography.Text>)}

      {state.phase !== 'idle' && state.phase !== 'done' && (
        <Flex vertical gap={4} style={{ maxWidth: 520 }} data-testid="upload-panel">
          <Typography.Text ellipsis style={{ fontSize: 13 }}>
            {state.fileName} <Typography.Text type="secondary">· {formatBytes(state.bytesTotal)}</Typography.Text>
            {state.resumed && (
              <Tag color="blue" style={{ marginInlineStart: 8 }} data-testid="upload-resumed">
                {t('upload.resumedTag')}
              </Tag>
            )}
          </Typography.Text>
          {state.phase !== 'error' && (
            <Progress
              percent={percent}
              status={state.phase === 'paused' ? 'normal' : 'active'}
              size="small"
              style={{ margin: 0 }}
              data-testid="upload-progress"
              aria-valuenow={percent}
            />
          )}
          {state.phase !== 'error' && (
            <Flex align="center" justify="space-between" gap={8} wrap>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="upload-speed">
                {state.phase === 'finishing'
                  ? t('upload.finishing')
                  : state.phase === 'paused'
                    ? t('upload.pausedAt', { sent: formatBytes(state.bytesSent), total: formatBytes(state.bytesTotal) })
                    : t('upload.speed', { speed: `${formatBytes(Math.round(state.speed))}/s`, sent: formatBytes(state.bytesSent), total: formatBytes(state.bytesTotal) })}
              </Typography.Text>
              <Space size={4}>
                {state.phase === 'uploading' && (
                  <Button size="small" icon={<PauseOutlined />} onClick={pause} data-testid="upload-pause">
                    {t('upload.pause')}
                  </Button>
                )}
                {state.phase === 'paused' && (
                  <Button size="small" type="primary" icon={<CaretRightOutlined />} onClick={resume} data-testid="upload-resume">
                    {t('upload.resume')}
                  </Button>
                )}
                {(state.phase === 'uploading' || state.phase === 'paused') && (
                  <Button size="small" icon={<StopOutlined />} onClick={() => void cancel()} data-testid="upload-cancel">
                    {t('upload.cancel')}
                  </Button>
                )}
              </Space>
            </Flex>
          )}
          {state.phase === 'error' && (
            <Alert
              type="error"
              showIcon
              title={<span data-testid="upload-error">{state.error}</span>}
              action={
                <Space size={4}>
                  {state.retry && (
                    <Button size="small" icon={<ReloadOutlined />} onClick={resume} data-testid="upload-retry">
                      {t('upload.retry')}
                    </Button>
                  )}
                  <Button size="small" onClick={reset} data-testid="upload-dismiss">
                    {t('common.close')}
                  </Button>
                </Space>
              }
            />
          )}
        </Flex>
      )}

      {editable && pending && state.phase === 'idle' && (
        <Alert
          type="info"
          showIcon
          style={{ maxWidth: 520 }}
          data-testid="upload-pending"
          title={t('upload.pendingTitle', {
            name: pending.fileName,
            percent: pending.offset !== null && pending.size > 0 ? `${Math.floor((pending.offset / pending.size) * 100)}%` : '—',
          })}
          description={t('upload.pendingHint')}
          action={
            <Button size="small" onClick={() => void cancel()} data-testid="upload-pending-discard">
              {t('upload.discard')}
            </Button>
          }
        />
      )}

      {editable && !busy && (
        <Flex align="center" gap={8} wrap>
          <input
            ref={input}
            type="file"
            accept={ACCEPT[lesson.kind]}
            style={{ display: 'none' }}
            data-testid="upload-input"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void start(f);
            }}
          />
          <Button size="small" icon={<CloudUploadOutlined />} onClick={pick} disabled={!limits} data-testid="upload-button">
            {pending ? t('upload.pickToResume') : asset ? t('upload.replace') : lesson.kind === 'video' ? t('upload.pickVideo') : t('upload.pickDocument')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {limitText}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
