import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useLearningSession } from './use-learning-session';
import { usePlayback } from './use-playback';
import { VideoPlayer } from './video-player';

/** One lesson's media: the HLS video or the PDF document, from a signed URL renewed before it expires. */
export function LessonPlayer({ lessonId }: { lessonId: string }) {
  const { t } = useI18n();
  const { playback, generation, error, loading, renew } = usePlayback(lessonId);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  // heartbeats and credit hook in here (a later issue); it tracks nothing yet
  useLearningSession({ lessonId, kind: playback?.kind ?? 'video', video });

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

  return <VideoPlayer key={lessonId} src={playback.url} generation={generation} poster={playback.posterUrl} onExpired={() => void renew()} videoRef={setVideo} />;
}
