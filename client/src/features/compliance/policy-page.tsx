import { LockOutlined, ReloadOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { PolicySettings, PolicyUpdate, PolicyYearView } from '@xueshi/shared';
import { Alert, App, Button, Card, Col, Flex, Form, InputNumber, Result, Row, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { fetchPolicy, updatePolicy } from '../../api/compliance';
import { PageHeader } from '../../components/page-header';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { errorMessage, showServerError } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { useYearParam, YearSelect } from './year-select';

type Key = keyof PolicySettings;
type Unit = 'hours' | 'days' | 'seconds' | 'minutes' | 'rate' | 'percent';

interface Field {
  key: Key;
  unit: Unit;
  /** in the unit shown (a percent for shares) */
  min: number;
  max: number;
  step: number;
  precision: number;
}

// the bounds of shared/src/policy.ts (PolicySettings), shares shown as percents
const GROUPS: { title: MessageKey; fields: Field[] }[] = [
  {
    title: 'policy.groupYearly',
    fields: [
      { key: 'yearlyHours', unit: 'hours', min: 0, max: 1000, step: 1, precision: 1 },
      { key: 'yearlyDays', unit: 'days', min: 0, max: 365, step: 1, precision: 1 },
      { key: 'hoursPerDay', unit: 'hours', min: 0.1, max: 24, step: 0.5, precision: 2 },
    ],
  },
  {
    title: 'policy.groupRules',
    fields: [
      { key: 'legalHoursLawEnforcement', unit: 'hours', min: 0, max: 1000, step: 1, precision: 1 },
      { key: 'ruleOfLawHours', unit: 'hours', min: 0, max: 100, step: 1, precision: 1 },
      { key: 'initialDays', unit: 'days', min: 0, max: 365, step: 1, precision: 1 },
      { key: 'appointmentDaysSection', unit: 'days', min: 0, max: 365, step: 1, precision: 1 },
      { key: 'appointmentDaysDivision', unit: 'days', min: 0, max: 365, step: 1, precision: 1 },
      { key: 'grassrootsDays', unit: 'days', min: 0, max: 365, step: 1, precision: 1 },
    ],
  },
  {
    title: 'policy.groupCredit',
    fields: [
      { key: 'maxCreditedRate', unit: 'rate', min: 0.25, max: 4, step: 0.25, precision: 2 },
      { key: 'completionCoverage', unit: 'percent', min: 0, max: 100, step: 1, precision: 1 },
      { key: 'completionVerifiedRatio', unit: 'percent', min: 0, max: 100, step: 1, precision: 1 },
      { key: 'heartbeatIntervalSeconds', unit: 'seconds', min: 1, max: 300, step: 1, precision: 0 },
      { key: 'attentionMeanMinutes', unit: 'minutes', min: 0, max: 600, step: 1, precision: 1 },
      { key: 'attentionTimeoutSeconds', unit: 'seconds', min: 5, max: 3600, step: 5, precision: 0 },
      { key: 'documentMinSecondsPerPage', unit: 'seconds', min: 0, max: 600, step: 5, precision: 0 },
    ],
  },
];
const FIELDS = GROUPS.flatMap((g) => g.fields);

const UNIT_LABEL: Record<Unit, MessageKey | null> = {
  hours: 'policy.unitHours',
  days: 'policy.unitDays',
  seconds: 'policy.unitSeconds',
  minutes: 'policy.unitMinutes',
  rate: 'policy.unitRate',
  percent: null,
};

const shown = (f: Field, v: number) => (f.unit === 'percent' ? Math.round(v * 10000) / 100 : v);
const stored = (f: Field, v: number) => (f.unit === 'percent' ? Math.round(v * 100) / 10000 : v);
const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** The settings as the form holds them (shares as percents). */
function toForm(s: PolicySettings): Record<Key, number> {
  return Object.fromEntries(FIELDS.map((f) => [f.key, shown(f, s[f.key])])) as Record<Key, number>;
}

/** Only what differs from the year's settings (PUT sends the changed fields only). */
function changes(view: PolicyYearView, values: Partial<Record<Key, number | null>>): PolicyUpdate {
  const out: PolicyUpdate = {};
  for (const f of FIELDS) {
    const v = values[f.key];
    if (v === null || v === undefined) continue;
    const s = stored(f, v);
    if (!same(s, view.settings[f.key])) out[f.key] = s;
  }
  return out;
}

function PolicyForm({ view, notice, onSaved }: { view: PolicyYearView; notice: ReactNode; onSaved: (v: PolicyYearView) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<Key, number>>();
  const [changed, setChanged] = useState(0);
  const [saving, setSaving] = useState(false);
  const readOnly = !view.editable;

  const save = async () => {
    let values: Record<Key, number>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = changes(view, values);
    if (Object.keys(body).length === 0) {
      message.info(t('policy.noChange'));
      return;
    }
    setSaving(true);
    try {
      const next = await updatePolicy(view.year, body);
      message.success(t('policy.saved', { year: view.year }));
      onSaved(next);
    } catch (e) {
      showServerError(e, message, form, FIELDS.map((f) => f.key));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('cmp.yearOption', { year: view.year })}
          </Typography.Text>
          {view.isDefault ? (
            <Tag color="default" data-testid="policy-default">{t('policy.default')}</Tag>
          ) : (
            <Tag color="blue" data-testid="policy-custom">{t('policy.custom')}</Tag>
          )}
          {readOnly && (
            <Tag icon={<LockOutlined />} color="orange">
              {t('policy.closedTitle', { year: view.year })}
            </Tag>
          )}
          {view.updatedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('policy.updatedAt', { at: dayjs(view.updatedAt).format('YYYY-MM-DD HH:mm') })}
            </Typography.Text>
          )}
        </Flex>
        {!readOnly && (
          <Flex gap={12} align="center">
            <Typography.Text type={changed ? 'warning' : 'secondary'} data-testid="policy-changed" data-count={changed}>
              {changed ? t('policy.changed', { n: changed }) : t('policy.noChange')}
            </Typography.Text>
            <Button
              icon={<UndoOutlined />}
              disabled={!changed}
              onClick={() => {
                form.resetFields();
                setChanged(0);
              }}
              data-testid="policy-reset"
            >
              {t('policy.reset')}
            </Button>
            <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!changed} onClick={save} data-testid="policy-save">
              {t('policy.save')}
            </Button>
          </Flex>
        )}
      </Flex>
      {notice}
      <Form
        form={form}
        layout="vertical"
        initialValues={toForm(view.settings)}
        disabled={readOnly}
        onValuesChange={(_, all) => setChanged(Object.keys(changes(view, all)).length)}
        requiredMark={false}
        style={{ marginTop: 16 }}
        data-testid="policy-form"
      >
        <Row gutter={[16, 16]}>
          {GROUPS.map((g) => (
            <Col key={g.title} xs={24} xl={g.title === 'policy.groupYearly' ? 24 : 12}>
              <Card title={t(g.title)} style={{ height: '100%' }} data-testid={`policy-group-${g.title.split('.')[1]}`}>
                <Row gutter={[24, 0]}>
                  {g.fields.map((f) => {
                    const unit = UNIT_LABEL[f.unit];
                    return (
                      <Col key={f.key} xs={24} md={12} xl={g.title === 'policy.groupYearly' ? 8 : 12}>
                        <Form.Item
                          name={f.key}
                          label={t(`policy.${f.key}` as MessageKey)}
                          extra={t(`policy.${f.key}Hint` as MessageKey)}
                          rules={[{ required: true, message: t(`policy.${f.key}` as MessageKey) }]}
                        >
                          <InputNumber
                            min={f.min}
                            max={f.max}
                            step={f.step}
                            precision={f.precision}
                            suffix={unit ? t(unit) : '%'}
                            style={{ width: '100%' }}
                            data-testid={`policy-field-${f.key}`}
                          />
                        </Form.Item>
                      </Col>
                    );
                  })}
                </Row>
              </Card>
            </Col>
          ))}
        </Row>
      </Form>
    </>
  );
}

/** 政策参数: the settings of a year (I8); a past year is read only. */
export function PolicyPage() {
  const { t } = useI18n();
  const [year, setYear] = useYearParam();
  const { data, error, loading, reload } = useAsync<PolicyYearView>((signal) => fetchPolicy(year, signal), [year]);
  const [saved, setSaved] = useState<PolicyYearView | null>(null);
  // the answer to a save is the year's newest view, until the page is refreshed
  const view = saved?.year === year ? saved : data;
  const current = view?.year === year ? view : undefined;

  return (
    <>
      <PageHeader
        title={t('menu.policy')}
        subtitle={t('policy.subtitle')}
        extra={
          <>
            <YearSelect value={year} onChange={setYear} past={3} future={2} testId="policy-year" />
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                setSaved(null);
                reload();
              }}
              loading={loading}
              data-testid="policy-refresh"
            >
              {t('common.refresh')}
            </Button>
          </>
        }
      />
      {!current ? (
        error && !loading ? (
          <Result status="warning" title={errorMessage(error)} extra={<Button onClick={reload}>{t('player.retry')}</Button>} />
        ) : (
          <Skeleton active paragraph={{ rows: 12 }} />
        )
      ) : (
        <div data-testid="policy-view" data-year={current.year} data-editable={current.editable} data-default={current.isDefault}>
          {/* a fresh form for each year and each saved version */}
          <PolicyForm
            key={`${current.year}-${current.updatedAt ?? 'default'}`}
            view={current}
            onSaved={setSaved}
            notice={
              !current.editable ? (
                <Alert type="warning" showIcon icon={<LockOutlined />} title={t('policy.closedTitle', { year: current.year })} description={t('policy.closedText')} data-testid="policy-closed" />
              ) : current.isDefault ? (
                <Alert type="info" showIcon title={t('policy.defaultHint')} description={t('policy.futureHint', { year: current.year })} />
              ) : (
                <Alert type="info" showIcon title={t('policy.futureHint', { year: current.year })} />
              )
            }
          />
        </div>
      )}
    </>
  );
}
