import { CheckCircleFilled, SendOutlined } from '@ant-design/icons';
import { ASSESSMENT_POINT_LABELS, ASSESSMENT_POINTS, type ClassView } from '@xueshi/shared';
import { Alert, App, Avatar, Button, Card, Col, Empty, Flex, Progress, Rate, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { fetchPeerReview, submitPeerReview } from '../../api/classes';
import { ApiError } from '../../api/http';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { BRAND } from '../../lib/theme';
import { errorMessage, showServerError } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import type { Point } from './class-rules';
import { dateTime } from './labels';

type State = Awaited<ReturnType<typeof fetchPeerReview>>;
type Mate = State['classmates'][number];
type Ratings = Record<Point, number>;
type Draft = Partial<Ratings>;

const SCORE_WORDS: MessageKey[] = ['peer.score1', 'peer.score2', 'peer.score3', 'peer.score4', 'peer.score5'];

const complete = (d: Draft): d is Ratings => ASSESSMENT_POINTS.every((p) => !!d[p]);
const same = (d: Draft, m: Mate['mine']) => !!m && ASSESSMENT_POINTS.every((p) => d[p] === m[p]);

/** 民主评议: the window, and each classmate rated 1–5 on the four points (anonymous; re-rating replaces). */
export function PeerReviewPanel({ cls }: { cls: ClassView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useAsync((signal) => fetchPeerReview(cls.id, signal), [cls.id]);
  const [state, setState] = useState<State>();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [saving, setSaving] = useState<string | null>(null);

  useEffect(() => {
    if (!data) return;
    setState(data);
    setDrafts(Object.fromEntries(data.classmates.map((m) => [m.id, { ...(m.mine ?? {}) }])));
  }, [data]);

  if (!state) {
    if (error && !loading) return <Result status="warning" title={errorMessage(error)} extra={<Button onClick={reload}>{t('player.retry')}</Button>} />;
    return <Skeleton active paragraph={{ rows: 8 }} />;
  }

  const total = state.classmates.length;
  const done = state.classmates.filter((m) => m.mine).length;
  const times = { opens: state.opensAt ? dateTime(state.opensAt) : '', closes: state.closesAt ? dateTime(state.closesAt) : '' };
  const upcoming = !state.open && !!state.opensAt && new Date(state.opensAt).getTime() > Date.now();

  const submit = async (m: Mate) => {
    const d = drafts[m.id] ?? {};
    if (!complete(d)) {
      message.warning(t('peer.rateAll'));
      return;
    }
    setSaving(m.id);
    try {
      const next = await submitPeerReview(cls.id, { revieweeId: m.id, ...d });
      setState(next);
      const mine = next.classmates.find((x) => x.id === m.id)?.mine;
      setDrafts((all) => ({ ...all, [m.id]: { ...(mine ?? d) } }));
      message.success(t('peer.saved', { name: m.name }));
    } catch (e) {
      showServerError(e, message);
      // the window closed meanwhile: show it as it is now
      if (e instanceof ApiError && e.code === 'CONFLICT') reload();
    } finally {
      setSaving(null);
    }
  };

  const notice = !state.opensAt || !state.closesAt ? (
    <Alert type="info" showIcon title={t('peer.none')} data-testid="peer-none" />
  ) : state.open ? (
    <Alert type="success" showIcon title={t('peer.open')} description={t('peer.openHint', times)} data-testid="peer-open" />
  ) : upcoming ? (
    <Alert type="info" showIcon title={t('peer.upcoming')} description={t('peer.upcomingHint', times)} data-testid="peer-upcoming" />
  ) : (
    <Alert type="warning" showIcon title={t('peer.closed')} description={t('peer.closedHint', times)} data-testid="peer-closed" />
  );

  return (
    <div data-testid="peer-review" data-open={String(state.open)}>
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[24, 12]} align="middle">
          <Col xs={24} lg={16}>
            {notice}
          </Col>
          <Col xs={24} lg={8}>
            <Typography.Text data-testid="peer-progress">{t('peer.progress', { done, total })}</Typography.Text>
            <Progress percent={total ? Math.round((done / total) * 100) : 0} status={total && done === total ? 'success' : 'normal'} style={{ margin: 0 }} />
          </Col>
        </Row>
      </Card>
      {total === 0 ? (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('peer.noClassmates')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {state.classmates.map((m) => (
            <Col key={m.id} xs={24} md={12} xl={8}>
              <ClassmateCard
                mate={m}
                draft={drafts[m.id] ?? {}}
                open={state.open}
                saving={saving === m.id}
                onChange={(p, v) => setDrafts((all) => ({ ...all, [m.id]: { ...all[m.id], [p]: v || undefined } }))}
                onSubmit={() => void submit(m)}
              />
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}

function ClassmateCard(props: { mate: Mate; draft: Draft; open: boolean; saving: boolean; onChange: (p: Point, v: number) => void; onSubmit: () => void }) {
  const { mate, draft, open, saving, onChange, onSubmit } = props;
  const { t, label } = useI18n();
  const words = SCORE_WORDS.map((k) => t(k));
  const rated = !!mate.mine;
  const unchanged = same(draft, mate.mine);
  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={10}>
          <Avatar style={{ background: BRAND.primary, flex: 'none' }}>{mate.name.slice(0, 1)}</Avatar>
          <span>{mate.name}</span>
        </Flex>
      }
      extra={
        rated ? (
          <Tag color="success" icon={<CheckCircleFilled />} data-testid={`peer-done-${mate.id}`} style={{ marginInlineEnd: 0 }}>
            {t('peer.rated')}
          </Tag>
        ) : (
          <Tag style={{ marginInlineEnd: 0 }} data-testid={`peer-todo-${mate.id}`}>
            {t('peer.notRated')}
          </Tag>
        )
      }
      data-testid={`peer-card-${mate.id}`}
      data-rated={String(rated)}
      styles={{ body: { paddingBlock: 12 } }}
    >
      {ASSESSMENT_POINTS.map((p) => (
        <div key={p} className="xs-peer-row">
          <Typography.Text style={{ width: 72, flex: 'none' }}>{label(ASSESSMENT_POINT_LABELS[p])}</Typography.Text>
          <span data-testid={`peer-rate-${mate.id}-${p}`} style={{ flex: 'none' }}>
            <Rate value={draft[p] ?? 0} onChange={(v) => onChange(p, v)} disabled={!open || saving} tooltips={words} style={{ fontSize: 20 }} />
          </span>
          <Typography.Text type="secondary" style={{ width: 64, flex: 'none', textAlign: 'right', fontSize: 12 }}>
            {draft[p] ? t('peer.scoreText', { n: draft[p]!, word: words[draft[p]! - 1] }) : t('peer.noScore')}
          </Typography.Text>
        </div>
      ))}
      {open && (
        <Flex justify="flex-end" style={{ marginTop: 10 }}>
          <Button
            type={rated ? 'default' : 'primary'}
            icon={<SendOutlined />}
            loading={saving}
            disabled={unchanged}
            onClick={onSubmit}
            data-testid={`peer-submit-${mate.id}`}
          >
            {rated ? t('peer.update') : t('peer.submit')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
