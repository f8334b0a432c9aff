import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { VerifyParams, type VerifyResult } from '@xueshi/shared';
import { Alert, Button, Card, Descriptions, Flex, Form, Grid, Input, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { verifyArchive } from '../../api/archives';
import { BrandMark } from '../../components/brand-mark';
import { LanguageSwitch } from '../../components/language-switch';
import { translate, useI18n, type Lang, type MessageKey } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { BRAND } from '../../lib/theme';
import { useAsync } from '../../lib/use-async';
import { zodRule } from '../../lib/zod-rule';
import { formatHours } from '../courses/format';

type Status = VerifyResult['status'];

const LOOK: Record<Status, { color: string; background: string; border: string; icon: ReactNode; title: MessageKey; text: MessageKey }> = {
  valid: { color: '#2e8b57', background: '#eef8f2', border: '#b7e0c6', icon: <CheckCircleFilled />, title: 'verify.valid', text: 'verify.validText' },
  mismatch: { color: BRAND.seal, background: '#fdf0ef', border: '#f1c1bd', icon: <CloseCircleFilled />, title: 'verify.mismatch', text: 'verify.mismatchText' },
  unknown: { color: '#5b6675', background: '#f4f6f9', border: '#d6dde6', icon: <QuestionCircleFilled />, title: 'verify.unknown', text: 'verify.unknownText' },
};

/** The verdict in the reader's language first and the other one under it: anyone may be holding the paper. */
function Verdict({ r }: { r: VerifyResult }) {
  const { lang, t } = useI18n();
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const look = LOOK[r.status];
  return (
    <div
      data-testid="verify-status"
      data-status={r.status}
      style={{ padding: '20px 20px 16px', borderRadius: 8, background: look.background, border: `1px solid ${look.border}`, textAlign: 'center' }}
    >
      <div style={{ fontSize: 44, color: look.color, lineHeight: 1 }}>{look.icon}</div>
      <div style={{ fontSize: 26, fontWeight: 600, color: look.color, marginTop: 10, letterSpacing: lang === 'zh' ? 4 : 0 }} data-testid="verify-verdict">
        {t(look.title)}
      </div>
      <div style={{ fontSize: 15, color: look.color, opacity: 0.8 }} lang={other === 'zh' ? 'zh-CN' : 'en'}>
        {translate(other, look.title)}
      </div>
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4, color: '#1f2937' }} data-testid="verify-explanation">
        {t(look.text)}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }} lang={other === 'zh' ? 'zh-CN' : 'en'}>
        {translate(other, look.text)}
      </Typography.Paragraph>
    </div>
  );
}

function CheckAnother() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ code: string }>();
  return (
    <>
      <Typography.Text strong style={{ display: 'block', marginTop: 24 }}>
        {t('verify.another')}
      </Typography.Text>
      <Form
        form={form}
        layout="inline"
        initialValues={{ code: '' }}
        onFinish={(v) => navigate(`/verify/${v.code.trim().toUpperCase()}`)}
        style={{ marginTop: 8, rowGap: 8 }}
        data-testid="verify-form"
      >
        <Form.Item
          name="code"
          style={{ flex: 1, minWidth: 200 }}
          normalize={(v: string) => v.toUpperCase()}
          rules={[{ required: true, whitespace: true, message: t('verify.codeRequired') }, zodRule(VerifyParams.shape.code, lang, t('verify.codeRule'))]}
        >
          <Input placeholder={t('verify.codePlaceholder')} maxLength={14} className="xs-mono" data-testid="verify-input" />
        </Form.Item>
        <Form.Item style={{ marginInlineEnd: 0 }}>
          <Button type="primary" htmlType="submit" data-testid="verify-submit">
            {t('verify.check')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

/**
 * 培训档案核验 (public, no sign-in): whoever holds a printed archive checks its code. The server
 * says whether the archive still matches the credit ledger; the name comes masked.
 */
export function VerifyPage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const { data, error, loading } = useAsync<VerifyResult>((signal) => verifyArchive(code, signal), [code]);
  const shown = data && data.code === code && !loading ? data : undefined;

  return (
    <Flex vertical style={{ minHeight: '100vh', background: BRAND.page }}>
      <Flex
        align="center"
        justify="space-between"
        style={{ padding: '12px 24px', background: `linear-gradient(120deg, ${BRAND.headerDeep} 0%, ${BRAND.header} 70%, ${BRAND.primary} 100%)`, color: '#fff' }}
      >
        <Flex align="center" gap={12}>
          <BrandMark size={34} />
          <div>
            <div style={{ fontSize: 18, fontWeight: 600, letterSpacing: 3, lineHeight: 1.2 }}>学时 · 培训档案核验</div>
            <div style={{ fontSize: 12, opacity: 0.75 }}>Xueshi · Training archive verification</div>
          </div>
        </Flex>
        <LanguageSwitch light compact={!screens.sm} />
      </Flex>
      <Flex flex={1} justify="center" style={{ padding: screens.md ? '48px 24px' : '20px 12px' }}>
        <Card style={{ width: '100%', maxWidth: 560, alignSelf: 'flex-start', boxShadow: '0 6px 24px rgba(15,44,84,0.08)' }} styles={{ body: { padding: screens.md ? 32 : 20 } }}>
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
            <SafetyCertificateOutlined style={{ color: BRAND.primary, marginInlineEnd: 8 }} />
            {t('verify.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
            {t('verify.intro')}
          </Typography.Paragraph>
          <Flex align="baseline" gap={8} style={{ marginBottom: 16 }}>
            <Typography.Text type="secondary">{t('verify.code')}</Typography.Text>
            <span className="xs-mono" style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1, color: BRAND.headerDeep }} data-testid="verify-code">
              {code}
            </span>
          </Flex>
          {shown ? (
            <>
              <Verdict r={shown} />
              {shown.status !== 'unknown' && (
                <Descriptions
                  bordered
                  size="small"
                  column={1}
                  style={{ marginTop: 16 }}
                  styles={{ label: { width: 150 } }}
                  data-testid="verify-details"
                  items={[
                    { key: 'name', label: t('verify.name'), children: <span data-testid="verify-name">{shown.name ?? '—'}</span> },
                    { key: 'year', label: t('verify.year'), children: <span data-testid="verify-year">{shown.year ?? '—'}</span> },
                    {
                      key: 'issued',
                      label: t('verify.issuedAt'),
                      children: <span className="xs-mono">{shown.issuedAt ? dayjs(shown.issuedAt).format('YYYY-MM-DD HH:mm') : '—'}</span>,
                    },
                    {
                      key: 'hours',
                      label: shown.status === 'valid' ? t('verify.hours') : t('verify.hoursIssued'),
                      children: (
                        <span className="xs-mono" data-testid="verify-hours">
                          {shown.hours === null ? '—' : t('verify.hoursN', { n: formatHours(shown.hours) })}
                        </span>
                      ),
                    },
                  ]}
                />
              )}
            </>
          ) : error && !loading ? (
            <Alert type="error" showIcon title={errorMessage(error)} data-testid="verify-error" />
          ) : (
            <Skeleton active paragraph={{ rows: 4 }} />
          )}
          <CheckAnother />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 20, marginBottom: 0 }}>
            {t('verify.footnote')}
          </Typography.Paragraph>
        </Card>
      </Flex>
      <div style={{ textAlign: 'center', fontSize: 12, color: '#8a94a3', padding: '0 0 20px' }}>重庆市公务员局 · Chongqing Civil Service Bureau</div>
    </Flex>
  );
}
