import { EyeInvisibleOutlined, MessageOutlined } from '@ant-design/icons';
import { EVALUATION_LABELS, EVALUATION_MIN_RESPONSES, EVALUATION_POINTS, type EvaluationResults } from '@xueshi/shared';
import { Alert, Card, Col, Empty, Flex, Rate, Row, Skeleton, Statistic, Typography } from 'antd';
import { fetchEvaluationResults } from '../../api/assessment';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { BRAND } from '../../lib/theme';
import { useAsync } from '../../lib/use-async';

/** One point's 1…5 counts as bars, 5 on top. */
function Distribution({ counts }: { counts: number[] }) {
  const max = Math.max(1, ...counts);
  return (
    <Flex vertical gap={3} style={{ minWidth: 180 }}>
      {[5, 4, 3, 2, 1].map((v) => (
        <Flex key={v} align="center" gap={6} style={{ fontSize: 12 }}>
          <span className="xs-mono" style={{ width: 14, color: '#8c96a3' }}>
            {v}
          </span>
          <div className="xs-dist-track">
            <div className="xs-dist-bar" style={{ width: `${(counts[v - 1] / max) * 100}%` }} />
          </div>
          <span className="xs-mono" style={{ width: 24, textAlign: 'right' }}>
            {counts[v - 1]}
          </span>
        </Flex>
      ))}
    </Flex>
  );
}

/** 评估结果: averages per point, their distributions and anonymous comments — only from three responses. */
export function EvaluationResultsCard({ courseId }: { courseId: string }) {
  const { t, label } = useI18n();
  const { data, error, loading } = useAsync<EvaluationResults>((signal) => fetchEvaluationResults({ courseId }, signal), [courseId]);

  if (!data) {
    if (error && !loading) return <Alert type="warning" showIcon title={errorMessage(error)} />;
    return <Skeleton active paragraph={{ rows: 6 }} />;
  }

  return (
    <Flex vertical gap={16} data-testid="eval-results" data-visible={data.visible}>
      <Card>
        <Flex gap={32} wrap align="center">
          <Statistic title={t('evalResults.responses')} value={data.responses} data-testid="eval-results-responses" />
          {data.visible && data.averages && (
            <Statistic
              title={t('evalResults.overall')}
              value={(EVALUATION_POINTS.reduce((s, p) => s + (data.averages![p] ?? 0), 0) / EVALUATION_POINTS.length).toFixed(2)}
              suffix="/ 5"
            />
          )}
          <Typography.Text type="secondary" style={{ flex: '1 1 280px' }}>
            {t('evalResults.anonymous', { n: EVALUATION_MIN_RESPONSES })}
          </Typography.Text>
        </Flex>
      </Card>
      {!data.visible ? (
        <Card>
          <Empty
            image={<EyeInvisibleOutlined style={{ fontSize: 48, color: '#c5cdd8' }} />}
            description={
              <span data-testid="eval-results-hidden">
                {t('evalResults.hidden', { n: EVALUATION_MIN_RESPONSES })}
                <br />
                <Typography.Text type="secondary">{t('evalResults.current', { n: data.responses })}</Typography.Text>
              </span>
            }
          />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {EVALUATION_POINTS.map((p) => (
              <Col key={p} xs={24} md={12} xxl={6}>
                <Card size="small" title={label(EVALUATION_LABELS[p])} data-testid={`eval-result-${p}`}>
                  <Flex align="center" justify="space-between" gap={16} wrap>
                    <div>
                      <div style={{ fontSize: 30, fontWeight: 600, color: BRAND.primary }} className="xs-mono" data-testid={`eval-average-${p}`}>
                        {(data.averages?.[p] ?? 0).toFixed(2)}
                      </div>
                      <Rate disabled allowHalf value={Math.round((data.averages?.[p] ?? 0) * 2) / 2} style={{ fontSize: 14 }} />
                    </div>
                    <Distribution counts={data.distributions?.[p] ?? [0, 0, 0, 0, 0]} />
                  </Flex>
                </Card>
              </Col>
            ))}
          </Row>
          <Card
            title={
              <span>
                <MessageOutlined style={{ marginInlineEnd: 8 }} />
                {t('evalResults.comments')}
              </span>
            }
          >
            {data.comments?.length ? (
              <div>
                {data.comments.map((c, i) => (
                  <div key={i} className="xs-comment" data-testid="eval-comment-item">
                    {c}
                  </div>
                ))}
              </div>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evalResults.noComments')} />
            )}
          </Card>
        </>
      )}
    </Flex>
  );
}
