import {
  CheckCircleFilled,
  ClockCircleOutlined,
  ExclamationCircleFilled,
  FileProtectOutlined,
  RiseOutlined,
  StopOutlined,
} from '@ant-design/icons';
import type { ComplianceItem, OfficialCompliance } from '@xueshi/shared';
import { Alert, Card, Col, Divider, Empty, Flex, Progress, Row, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n, type I18n } from '../../lib/i18n';
import { BRAND } from '../../lib/theme';
import { formatHours } from '../courses/format';

const GOOD = '#389e0d';
const WARN = '#d48806';

/** Days with at most one decimal, without a trailing ".0". */
export function formatDays(d: number): string {
  return String(Math.round(d * 10) / 10);
}

/** "还差 0.1 学时" / "还差 2 天" / "考核不合格" */
export function shortfallText(i18n: I18n, item: Pick<ComplianceItem, 'unit' | 'shortfall'>): string {
  if (item.unit === 'hours') return i18n.t('cmp.shortHours', { n: formatHours(item.shortfall) });
  if (item.unit === 'days') return i18n.t(item.shortfall === 1 ? 'cmp.shortDay' : 'cmp.shortDays', { n: formatDays(item.shortfall) });
  return i18n.t('cmp.resultFailed');
}

function amount(i18n: I18n, unit: ComplianceItem['unit'], v: number): string {
  return unit === 'hours' ? `${formatHours(v)} ${i18n.t('cmp.hours')}` : `${formatDays(v)} ${i18n.t('cmp.days')}`;
}

/** One requirement (P1 … P8): required, done, met or the shortfall. */
function RequirementRow({ item }: { item: ComplianceItem }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const isResult = item.unit === 'result';
  const pct = item.required > 0 ? Math.min(100, Math.round((item.actual / item.required) * 1000) / 10) : 100;
  return (
    <div
      data-testid={`cmp-item-${item.rule}`}
      data-met={item.met}
      style={{
        padding: '14px 16px',
        borderRadius: 8,
        border: `1px solid ${item.met ? '#d9f0d0' : '#f5dcc0'}`,
        background: item.met ? '#f8fcf6' : '#fffaf3',
      }}
    >
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <Tag color={BRAND.primary} style={{ marginInlineEnd: 0, fontFamily: 'monospace' }}>
            {item.rule}
          </Tag>
          <Typography.Text strong>{label(item)}</Typography.Text>
        </Flex>
        {item.met ? (
          <Tag color="success" icon={<CheckCircleFilled />} data-testid={`cmp-status-${item.rule}`} style={{ marginInlineEnd: 0 }}>
            {isResult ? t('cmp.resultPassed') : t('cmp.met')}
          </Tag>
        ) : (
          <Tag color={isResult ? 'error' : 'warning'} icon={<ExclamationCircleFilled />} data-testid={`cmp-status-${item.rule}`} style={{ marginInlineEnd: 0 }}>
            <span data-testid={`cmp-shortfall-${item.rule}`}>{shortfallText(i18n, item)}</span>
          </Tag>
        )}
      </Flex>
      {!isResult && (
        <>
          <Progress percent={pct} showInfo={false} strokeColor={item.met ? GOOD : WARN} size={{ height: 8 }} style={{ margin: '10px 0 4px' }} />
          <Flex gap={20} wrap style={{ fontSize: 13, color: '#5b6675' }}>
            <span>
              {t('cmp.actual')}{' '}
              <b className="xs-mono" style={{ color: '#1f2937' }} data-testid={`cmp-actual-${item.rule}`}>
                {amount(i18n, item.unit, item.actual)}
              </b>
            </span>
            <span>
              {t('cmp.required')}{' '}
              <span className="xs-mono" data-testid={`cmp-required-${item.rule}`}>
                {amount(i18n, item.unit, item.required)}
              </span>
            </span>
          </Flex>
        </>
      )}
    </div>
  );
}

function Figure({ title, value, suffix, extra, testId }: { title: string; value: ReactNode; suffix?: string; extra?: ReactNode; testId: string }) {
  return (
    <div>
      <Statistic title={title} value={value as string} suffix={suffix} data-testid={testId} styles={{ content: { fontSize: 22 } }} />
      {extra ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{extra}</Typography.Text> : null}
    </div>
  );
}

/**
 * An official's year against every requirement that applies (P1–P8): the totals, each
 * requirement with its shortfall, the year-end projection and the P8 bar. Shown to the
 * official (年度达标) and to an admin (an official of their scope).
 */
export function ComplianceView({ data, archiveLink }: { data: OfficialCompliance; archiveLink: string }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const p1 = data.items.find((i) => i.rule === 'P1');
  const maxCat = Math.max(0, ...data.totals.byCategory.map((c) => c.hours));
  // credit that is neither online learning nor a class: corrections, accepted appeals
  const other = Math.round((data.totals.hours - data.totals.onlineHours - data.totals.offlineHours) * 10) / 10;

  return (
    <Flex vertical gap={16} data-testid="compliance-view" data-met={data.met} data-at-risk={data.atRisk} data-year={data.year}>
      {data.excellentBarred && (
        <Alert
          type="error"
          showIcon
          icon={<StopOutlined />}
          title={t('cmp.excellentBarred')}
          description={t('cmp.excellentBarredHint')}
          data-testid="cmp-excellent-barred"
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card
            title={t('cmp.totalsTitle', { year: data.year })}
            extra={
              data.met ? (
                <Tag color="success" icon={<CheckCircleFilled />} data-testid="cmp-overall" data-met="true" style={{ marginInlineEnd: 0 }}>
                  {t('cmp.met')}
                </Tag>
              ) : (
                <Tag color="warning" icon={<ExclamationCircleFilled />} data-testid="cmp-overall" data-met="false" style={{ marginInlineEnd: 0 }}>
                  {t('cmp.notMet')}
                </Tag>
              )
            }
            style={{ height: '100%' }}
            data-testid="cmp-totals"
          >
            <Flex align="baseline" gap={8} wrap>
              <span style={{ fontSize: 36, fontWeight: 600, color: BRAND.primary }} className="xs-mono" data-testid="cmp-total-hours">
                {formatHours(data.totals.hours)}
              </span>
              <span style={{ fontSize: 15, color: '#5b6675' }}>
                {p1 && p1.unit === 'hours' ? `/ ${formatHours(p1.required)} ` : ''}
                {t('cmp.hours')}
              </span>
            </Flex>
            <Typography.Paragraph type={data.met ? 'success' : 'secondary'} style={{ marginTop: 4 }}>
              {data.met ? t('cmp.overallMet') : t('cmp.overallBehind')}
            </Typography.Paragraph>
            <Row gutter={[12, 12]}>
              <Col span={12}>
                <Figure title={t('cmp.onlineHours')} value={formatHours(data.totals.onlineHours)} suffix={t('cmp.hours')} testId="cmp-online-hours" />
              </Col>
              <Col span={12}>
                <Figure
                  title={t('cmp.offlineDays')}
                  value={formatDays(data.totals.offlineDays)}
                  suffix={t('cmp.days')}
                  extra={t('cmp.offlineConverted', { days: formatDays(data.totals.offlineDays), hours: formatHours(data.totals.offlineHours) })}
                  testId="cmp-offline-days"
                />
              </Col>
              {other > 0 && (
                <Col span={12}>
                  <Figure title={t('cmp.otherHours')} value={formatHours(other)} suffix={t('cmp.hours')} extra={t('cmp.otherHoursHint')} testId="cmp-other-hours" />
                </Col>
              )}
              <Col span={12}>
                <Figure title={t('cmp.legalHours')} value={formatHours(data.totals.legalHours)} suffix={t('cmp.hours')} testId="cmp-legal-hours" />
              </Col>
            </Row>
            <Divider style={{ margin: '16px 0 12px' }} />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('cmp.byCategory')}
            </Typography.Text>
            {data.totals.byCategory.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cmp.noHours')} style={{ margin: '8px 0' }} />
            ) : (
              <Flex vertical gap={6} style={{ marginTop: 8 }} data-testid="cmp-by-category">
                {data.totals.byCategory.map((c) => (
                  <Flex key={c.categoryId ?? 'none'} align="center" gap={8}>
                    <span style={{ width: 150, flex: 'none', fontSize: 13, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={label(c)}>
                      {c.categoryId ? label(c) : label(c) || t('cmp.noCategory')}
                    </span>
                    <div style={{ flex: 1, height: 8, background: '#eef1f5', borderRadius: 4 }}>
                      <div style={{ width: `${maxCat > 0 ? (c.hours / maxCat) * 100 : 0}%`, height: '100%', background: BRAND.primary, borderRadius: 4, opacity: 0.8 }} />
                    </div>
                    <span className="xs-mono" style={{ width: 48, textAlign: 'right', fontSize: 13 }}>
                      {formatHours(c.hours)}
                    </span>
                  </Flex>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card
            title={t('cmp.requirements')}
            style={{ height: '100%' }}
            data-testid="cmp-requirements"
          >
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -8 }}>
              {t('cmp.requirementsHint')}
            </Typography.Paragraph>
            <Flex vertical gap={10}>
              {data.items.map((item) => (
                <RequirementRow key={item.rule} item={item} />
              ))}
            </Flex>
            <div
              data-testid="cmp-projection"
              data-at-risk={data.atRisk}
              style={{
                marginTop: 14,
                padding: '10px 14px',
                borderRadius: 8,
                background: data.atRisk ? '#fff1f0' : '#f3f6fb',
                color: data.atRisk ? '#a8071a' : '#3b4656',
              }}
            >
              <Flex gap={8} align="center">
                {data.projectedHours === null ? <ClockCircleOutlined /> : <RiseOutlined />}
                <span>
                  <b>{t('cmp.projection')}</b>
                  {data.projectedHours === null
                    ? t('cmp.projectionClosed')
                    : data.atRisk
                      ? t('cmp.projectionRisk', { hours: formatHours(data.projectedHours), required: formatHours(p1?.required ?? 0) })
                      : t('cmp.projectionText', { hours: formatHours(data.projectedHours) })}
                </span>
              </Flex>
            </div>
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small">
            <Flex align="center" justify="space-between" gap={12} wrap>
              <Typography.Text type="secondary">{t('cmp.archiveHint')}</Typography.Text>
              <Link to={archiveLink} data-testid="cmp-archive-link">
                <FileProtectOutlined /> {t('cmp.archiveLink')}
              </Link>
            </Flex>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
