import { Alert, Button, Flex, Select, Typography } from 'antd';
import Hls, { ErrorTypes, Events, type ErrorData, type Level } from 'hls.js';
import { useCallback, useEffect, useRef, useState, type Ref } from 'react';
import { freshAccessToken, validAccessToken } from '../../api/http';
import { useI18n } from '../../lib/i18n';

const HLS_MIME = 'application/vnd.apple.mpegurl';

interface Props {
  /** the signed master playlist; a new URL for the same lesson plays on from the current position */
  src: string;
  /** changes with every answer of the playback call, even when it signed the same URL */
  generation: number;
  poster: string | null;
  /** the media refused the signed URL (expired): fetch a new one */
  onExpired: () => void;
  videoRef?: Ref<HTMLVideoElement | null>;
  /** the position (seconds) to open the first source at: where the learner left off */
  startAt?: number;
}

interface QualityOption {
  /** hls.js level index, -1 for automatic */
  value: number;
  label: string;
}

const levelLabel = (l: Level) => (l.height ? `${l.height}p` : `${Math.round(l.bitrate / 1000)} kbps`);

/**
 * The HLS video: hls.js where Media Source Extensions exist, the browser's own HLS otherwise
 * (Safari). Media requests carry the session cookie set by the playback call, and the bearer
 * token while it is valid. The user starts playback; nothing autoplays.
 */
export function VideoPlayer({ src, generation, poster, onExpired, videoRef, startAt = 0 }: Props) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement | null>(null);
  const hls = useRef<Hls | null>(null);
  const onExpiredRef = useRef(onExpired);
  onExpiredRef.current = onExpired;
  const [levels, setLevels] = useState<QualityOption[]>([]);
  const [quality, setQuality] = useState(-1);
  const [autoLevel, setAutoLevel] = useState<string | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  // position and state carried over to the next source (a renewed URL)
  const carry = useRef<{ time: number; playing: boolean } | null>(null);
  // a renewal of the signed URL is under way (set on a refusal, cleared by the new source)
  const renewing = useRef(false);
  const renewals = useRef<number[]>([]);
  // a source was loaded into this element already (only the first one opens at `startAt`)
  const loaded = useRef(false);

  const outerRef = useRef(videoRef);
  outerRef.current = videoRef;
  // stable, so React does not detach and re-attach the element on every render
  const setVideo = useCallback((el: HTMLVideoElement | null) => {
    video.current = el;
    const r = outerRef.current;
    if (typeof r === 'function') r(el);
    else if (r) r.current = el;
  }, []);

  useEffect(() => {
    const el = video.current;
    if (!el) return;
    setFatal(null);
    const resume = () => {
      const c = carry.current;
      carry.current = null;
      if (!c) return;
      if (c.time > 0) el.currentTime = c.time;
      if (c.playing) void el.play().catch(() => undefined);
    };

    if (Hls.isSupported()) {
      const h = new Hls({
        // The playback call set the media cookie; the bearer token is added while valid (an
        // expired one would be refused, where the cookie alone still works).
        xhrSetup: async (xhr, url) => {
          if (!validAccessToken(10)) await freshAccessToken(30);
          const token = validAccessToken(5);
          if (!xhr.readyState) xhr.open('GET', url, true);
          if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
        },
        capLevelToPlayerSize: false,
        startLevel: -1,
      });
      hls.current = h;
      let networkRetries = 0;
      h.on(Events.MANIFEST_PARSED, (_e, data) => {
        const opts = data.levels
          .map((l, i) => ({ value: i, label: levelLabel(l), height: l.height }))
          .sort((a, b) => a.height - b.height)
          .map(({ value, label }) => ({ value, label }));
        setLevels(opts);
        setQuality(-1);
        resume();
      });
      h.on(Events.LEVEL_SWITCHED, (_e, data) => {
        const l = h.levels[data.level];
        setAutoLevel(l ? levelLabel(l) : null);
      });
      h.on(Events.FRAG_LOADED, () => {
        networkRetries = 0;
      });
      h.on(Events.ERROR, (_e, data: ErrorData) => {
        const status = data.response?.code ?? 0;
        if (data.type === ErrorTypes.NETWORK_ERROR && (status === 403 || status === 401)) {
          // The signed URL expired or the session changed. hls.js reports a refused segment as
          // non-fatal and stalls on it, so renew at the first refusal (once per URL) and go on
          // from the same position.
          if (renewing.current) return;
          // a URL refused again right after renewing is not an expiry: stop and say so
          const now = Date.now();
          renewals.current = renewals.current.filter((t) => now - t < 60_000);
          if (renewals.current.length >= 3) {
            h.stopLoad();
            setFatal(t('player.cannotPlay'));
            return;
          }
          renewals.current.push(now);
          renewing.current = true;
          carry.current = { time: el.currentTime, playing: !el.paused };
          onExpiredRef.current();
          return;
        }
        if (!data.fatal) return;
        if (data.type === ErrorTypes.NETWORK_ERROR) {
          if (networkRetries++ < 3) {
            window.setTimeout(() => h.startLoad(), 1000 * networkRetries);
            return;
          }
          setFatal(t('player.networkError'));
        } else if (data.type === ErrorTypes.MEDIA_ERROR) {
          h.recoverMediaError();
        } else {
          setFatal(t('player.cannotPlay'));
        }
      });
      h.attachMedia(el);
      return () => {
        h.destroy();
        hls.current = null;
      };
    }
    return undefined;
    // one hls.js instance per <video>; sources are loaded below
  }, []);

  useEffect(() => {
    const el = video.current;
    if (!el) return;
    renewing.current = false;
    // a renewed URL of the same media: keep the position (an expired one set it already)
    if (!carry.current && el.currentSrc && el.currentTime > 0) carry.current = { time: el.currentTime, playing: !el.paused };
    // the first source: open where the learner left off
    else if (!carry.current && !loaded.current && startAt > 0) carry.current = { time: startAt, playing: false };
    loaded.current = true;
    const h = hls.current;
    if (h) {
      setFatal(null);
      h.loadSource(src);
      return;
    }
    if (el.canPlayType(HLS_MIME)) {
      // Safari: the browser plays HLS itself (the media cookie authorises it)
      const onMeta = () => {
        const c = carry.current;
        carry.current = null;
        if (c && c.time > 0) el.currentTime = c.time;
        if (c?.playing) void el.play().catch(() => undefined);
      };
      // a refused (expired) media request surfaces only as an error of the element: renew once
      const onError = () => {
        if (renewing.current) return;
        renewing.current = true;
        carry.current = { time: el.currentTime, playing: !el.paused };
        onExpiredRef.current();
      };
      el.addEventListener('loadedmetadata', onMeta, { once: true });
      el.addEventListener('error', onError, { once: true });
      el.src = src;
      return () => {
        el.removeEventListener('loadedmetadata', onMeta);
        el.removeEventListener('error', onError);
      };
    }
    setFatal(t('player.unsupported'));
    return undefined;
  }, [src, generation]);

  const chooseQuality = (v: number) => {
    setQuality(v);
    const h = hls.current;
    if (!h) return;
    // switch now (flushes the buffer) so the choice is visible at once
    h.currentLevel = v;
  };

  return (
    <Flex vertical gap={8}>
      <div className="xs-video-frame">
        <video
          ref={setVideo}
          controls
          playsInline
          preload="metadata"
          poster={poster ?? undefined}
          data-testid="lesson-video"
          style={{ width: '100%', height: '100%', display: 'block', background: '#000' }}
        />
      </div>
      {fatal && (
        <Alert
          type="error"
          showIcon
          title={fatal}
          data-testid="player-error"
          action={
            <Button size="small" onClick={() => onExpiredRef.current()}>
              {t('player.retry')}
            </Button>
          }
        />
      )}
      {levels.length > 0 && (
        <Flex align="center" justify="flex-end" gap={8}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('player.quality')}
          </Typography.Text>
          <Select<number>
            size="small"
            value={quality}
            onChange={chooseQuality}
            style={{ width: 150 }}
            data-testid="quality-select"
            options={[
              { value: -1, label: autoLevel && quality === -1 ? t('player.qualityAutoAt', { level: autoLevel }) : t('player.qualityAuto') },
              ...[...levels].reverse(),
            ]}
          />
        </Flex>
      )}
    </Flex>
  );
}
