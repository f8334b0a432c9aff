import { ExportOutlined } from '@ant-design/icons';
import type { StartSessionResponse } from '@xueshi/shared';
import { Alert, Button, Flex, Skeleton } from 'antd';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useMe } from '../auth/auth-context';
import type { DocumentClock, DocumentClockSnapshot } from './document-clock';
import { DocumentReader } from './document-reader';
import { AttentionModal, LearningPanel } from './learning-panel';
import type { LearningState } from './learning-tracker';
import { useDocumentClock } from './use-document-clock';
import { useLearningSession } from './use-learning-session';
import { usePlayback } from './use-playback';
import { VideoPlayer } from './video-player';

const noSubscribe = () => () => undefined;

/** Why a document's time is not being added although the session counts (null: it is). */
function holdOf(s: DocumentClockSnapshot | null): MessageKey | null {
  if (!s || s.ended) return null;
  if (!s.inFront) return 'learn.notCounting';
  if ((s.shown[s.page - 1] ?? 0) >= s.secondsPerPage) return 'doc.turnPage';
  return null;
}

/**
 * One lesson's media: the HLS video or the PDF document, from a signed URL renewed before it
 * expires. An official plays (or reads) the URL of a play session (学时 credit: heartbeats, live
 * figures; a document's pages count by being shown); everyone else previews through the plain
 * playback URL and earns nothing.
 */
export function LessonPlayer({
  lessonId,
  courseId = null,
  onDocumentRule,
}: {
  lessonId: string;
  courseId?: string | null;
  /** a document read for credit: the seconds each page must be shown (null: not known, or no credit) */
  onDocumentRule?: (secondsPerPage: number | null) => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const learner = me.role === 'official';
  // for an official too: it tells the kind and sets the media cookie the poster and documents need
  const { playback, generation, error, loading, renew } = usePlayback(lessonId);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const isDocument = playback?.kind === 'document';
  const tracked = learner && !!playback;
  const [clockHolder, setClockHolder] = useState<DocumentClock | null>(null);
  const learning = useLearningSession({
    lessonId,
    userId: learner ? me.id : null,
    enabled: tracked,
    video: isDocument ? clockHolder : video,
    document: isDocument,
  });
  const st = learning.state;
  const session = st?.session ?? null;
  const docInfo = isDocument ? (session?.document ?? null) : null;
  const clock = useDocumentClock(lessonId, docInfo?.pageCount ?? null, docInfo?.secondsPerPage ?? null);
  useEffect(() => setClockHolder(clock), [clock]);
  const hold = useSyncExternalStore(clock?.subscribe ?? noSubscribe, () => holdOf(clock?.getSnapshot() ?? null));

  // a document counts while the session does: paused while it opens or after it stopped, and
  // going on once it is active (the tracker itself pauses it for an attention check)
  const status = st?.status;
  const waitingAttention = !!st?.attention;
  useEffect(() => {
    if (!clock || !status) return;
    if (status === 'active' && !waitingAttention) void clock.play();
    else if (status !== 'active' && status !== 'finished') clock.pause();
  }, [clock, status, waitingAttention]);

  const secondsPerPage = docInfo?.secondsPerPage ?? null;
  useEffect(() => onDocumentRule?.(secondsPerPage), [onDocumentRule, secondsPerPage]);

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

  if (!tracked) {
    if (isDocument) {
      return (
        <Flex vertical gap={8}>
          <DocumentReader key={lessonId} src={playback.url} clock={null} onExpired={() => void renew()} />
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

  if (!session) return <SessionPending state={st} onRetry={learning.restart} />;

  const panel = (
    <>
      <LearningPanel
        state={st!}
        lessonId={lessonId}
        courseId={courseId ?? session.courseId}
        onRestart={learning.restart}
        onDismiss={learning.dismissNotices}
        kind={isDocument ? 'document' : 'video'}
        hold={hold ? t(hold) : null}
      />
      <AttentionModal state={st!} onConfirm={learning.confirmAttention} kind={isDocument ? 'document' : 'video'} />
    </>
  );

  if (isDocument) {
    return (
      <Flex vertical gap={12}>
        {clock || (session.document && !(session.document.secondsPerPage > 0)) ? (
          // no reading time asked per page (a policy of 0 s): the reader alone, nothing to count
          <DocumentReader key={lessonId} src={session.url} clock={clock} onExpired={learning.restart} />
        ) : (
          <DocumentPending session={session} />
        )}
        {panel}
      </Flex>
    );
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
      {panel}
    </Flex>
  );
}

/** The session is opening, or could not be opened. */
function SessionPending({ state, onRetry }: { state: LearningState | null; onRetry: () => void }) {
  const { t } = useI18n();
  if (state?.status === 'error') {
    return (
      <Alert
        type="warning"
        showIcon
        title={errorMessage(state.error)}
        data-testid="session-error"
        action={
          <Button size="small" onClick={onRetry}>
            {t('player.retry')}
          </Button>
        }
      />
    );
  }
  return <Skeleton.Node active style={{ width: '100%', height: 360 }} />;
}

/** A document session without its page figures (a server that did not send them), or the clock on its way. */
function DocumentPending({ session }: { session: StartSessionResponse }) {
  const { t } = useI18n();
  if (!session.document) return <Alert type="warning" showIcon title={t('doc.loadError')} data-testid="doc-error" />;
  return <Skeleton.Node active style={{ width: '100%', height: 360 }} />;
}
