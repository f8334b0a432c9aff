import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useMe } from '../auth/auth-context';
import { AttentionModal, LearningPanel } from './learning-panel';
import { useLearningSession } from './use-learning-session';
import { usePlayback } from './use-playback';
import { VideoPlayer } from './video-player';

/**
 * One lesson's media: the HLS video or the PDF document, from a signed URL renewed before it
 * expires. An official watching a video plays the URL of a play session (学时 credit: heartbeats,
 * live figures); everyone else previews through the plain playback URL and earns nothing.
 */
export function LessonPlayer({ lessonId, courseId = null }: { lessonId: string; courseId?: string | null }) {
  const { t } = useI18n();
  const me = useMe();
  const learner = me.role === 'official';
  // for an official too: it tells the kind and sets the media cookie the poster and documents need
  const { playback, generation, error, loading, renew } = usePlayback(lessonId);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const tracked = learner && playback?.kind === 'video';
  const learning = useLearningSession({ lessonId, userId: learner ? me.id : null, enabled: tracked, video });

  if (!playback) {
    if (error && !loading) {
      return (
        <Alert
          type="warning"
          showIcon
          title={errorMessage(error)}
          data-testid="playback-error"
          action={
            <Button size="small" onClick={() => void renew()}>
              {t('player.retry')}
            </Button>
          }
        />
      );
    }
    return <Skeleton.Node active style={{ width: '100%', height: 360 }} />;
  }

  if (playback.kind === 'document') {
    return (
      <Flex vertical gap={8}>
        <iframe src={playback.url} title={t('player.document')} className="xs-doc-frame" data-testid="lesson-document" />
        <Flex justify="flex-end">
          <Button type="link" size="small" icon={<ExportOutlined />} href={playback.url} target="_blank" rel="noopener">
            {t('player.openDocument')}
          </Button>
        </Flex>
      </Flex>
    );
  }

  if (tracked) {
    const st = learning.state;
    const session = st?.session;
    if (!session) {
      if (st?.status === 'error') {
        return (
          <Alert
            type="warning"
            showIcon
            title={errorMessage(st.error)}
            data-testid="session-error"
            action={
              <Button size="small" onClick={learning.restart}>
                {t('player.retry')}
              </Button>
            }
          />
        );
      }
      return <Skeleton.Node active style={{ width: '100%', height: 360 }} />;
    }
    return (
      <Flex vertical gap={12}>
        <VideoPlayer
          key={lessonId}
          src={session.url}
          generation={0}
          poster={session.posterUrl}
          onExpired={learning.restart}
          videoRef={setVideo}
          startAt={learning.resumeAt}
        />
        <LearningPanel state={st} lessonId={lessonId} courseId={courseId ?? session.courseId} onRestart={learning.restart} onDismiss={learning.dismissNotices} />
        <AttentionModal state={st} onConfirm={learning.confirmAttention} />
      </Flex>
    );
  }

  return <VideoPlayer key={lessonId} src={playback.url} generation={generation} poster={playback.posterUrl} onExpired={() => void renew()} videoRef={setVideo} />;
}
