import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { QUESTION_TYPES, type CourseDetail, type DrawRule, type QuestionView, type QuizKind, type QuizView, type RevealPolicy } from '@xueshi/shared';
import { Alert, App, Button, Col, Flex, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { createQuiz, updateQuiz } from '../../api/assessment';
import { useI18n } from '../../lib/i18n';
import { showServerError } from '../../lib/server-errors';
import { REVEAL_LABELS, typeLabel } from './labels';

interface RuleValue {
  type: DrawRule['type'] | '';
  tag: string;
  count: number;
}
interface Values {
  title: string;
  lessonId?: string;
  draw: RuleValue[];
  timeLimitMinutes: number;
  maxAttempts: number;
  passScore: number;
  reveal: RevealPolicy;
}

export type QuizModalState = { mode: 'create'; kind: QuizKind } | { mode: 'edit'; quiz: QuizView } | null;

const REVEALS: RevealPolicy[] = ['after_submit', 'after_pass', 'after_final', 'never'];

/** How many questions of the bank a rule could draw from (before the other rules take theirs). */
export function matching(bank: readonly QuestionView[], r: { type?: string; tag?: string }): number {
  return bank.filter((q) => (!r.type || q.type === r.type) && (!r.tag || q.tags.includes(r.tag))).length;
}

interface Props {
  state: QuizModalState;
  course: CourseDetail;
  bank: readonly QuestionView[];
  tags: readonly string[];
  /** lessons that have a quiz already */
  taken: ReadonlySet<string>;
  onClose: () => void;
  onSaved: (q: QuizView) => void;
}

/** 结业考试 / 课时测验 settings: title, draw rules by type and tag, time, attempts, pass mark, when answers are shown. */
export function QuizModal({ state, course, bank, tags, taken, onClose, onSaved }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const draw = (Form.useWatch('draw', form) ?? []) as RuleValue[];
  const kind: QuizKind = state?.mode === 'edit' ? state.quiz.kind : (state?.kind ?? 'final_exam');
  const lessons = course.chapters.flatMap((c) => c.lessons.map((l) => ({ ...l, chapter: c.title })));

  useEffect(() => {
    if (!state) return;
    form.resetFields();
    if (state.mode === 'edit') {
      const q = state.quiz;
      form.setFieldsValue({
        title: q.title,
        draw: q.draw.map((r) => ({ type: r.type ?? '', tag: r.tag ?? '', count: r.count })),
        timeLimitMinutes: q.timeLimitMinutes,
        maxAttempts: q.maxAttempts,
        passScore: q.passScore,
        reveal: q.reveal,
      });
    } else {
      form.setFieldsValue({
        title: state.kind === 'final_exam' ? t('quiz.defaultExamTitle', { course: course.title }) : '',
        draw: [{ type: '', tag: '', count: Math.min(10, Math.max(1, bank.length)) }],
        timeLimitMinutes: state.kind === 'final_exam' ? 30 : 10,
        maxAttempts: state.kind === 'final_exam' ? 3 : 5,
        passScore: 60,
        reveal: 'after_final',
      });
    }
  }, [state]);

  const save = async (v: Values) => {
    const rules: DrawRule[] = v.draw.map((r) => ({ ...(r.type ? { type: r.type } : {}), ...(r.tag ? { tag: r.tag } : {}), count: r.count }));
    const body = { title: v.title.trim(), draw: rules, timeLimitMinutes: v.timeLimitMinutes, maxAttempts: v.maxAttempts, passScore: v.passScore, reveal: v.reveal };
    setSaving(true);
    try {
      const saved = state?.mode === 'edit' ? await updateQuiz(state.quiz.id, body) : await createQuiz(course.id, { ...body, kind, lessonId: kind === 'lesson_quiz' ? (v.lessonId ?? null) : null });
      onSaved(saved);
    } catch (e) {
      showServerError(e, message, form, ['title', 'lessonId', 'timeLimitMinutes', 'maxAttempts', 'passScore', 'reveal']);
    } finally {
      setSaving(false);
    }
  };

  const total = draw.reduce((s, r) => s + (Number(r?.count) || 0), 0);
  const short = draw.some((r) => r && matching(bank, { type: r.type || undefined, tag: r.tag || undefined }) < (Number(r.count) || 0));

  return (
    <Modal
      open={!!state}
      title={state?.mode === 'edit' ? t('quiz.editTitle', { title: state.quiz.title }) : kind === 'final_exam' ? t('quiz.addFinal') : t('quiz.addLessonQuiz')}
      width={760}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: saving, 'data-testid': 'quiz-modal-ok' }}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={save} style={{ marginTop: 12 }} data-testid="quiz-modal">
        {kind === 'lesson_quiz' && state?.mode === 'create' && (
          <Form.Item name="lessonId" label={t('quiz.lesson')} rules={[{ required: true, message: t('quiz.lessonRequired') }]}>
            <Select
              placeholder={t('quiz.lessonPlaceholder')}
              options={lessons.map((l) => ({ value: l.id, label: `${l.chapter} · ${l.title}`, disabled: taken.has(l.id) }))}
              data-testid="quiz-lesson"
            />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('quiz.titleLabel')} rules={[{ required: true, whitespace: true, message: t('quiz.titleRequired') }]}>
          <Input maxLength={100} data-testid="quiz-title-input" />
        </Form.Item>

        <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
          {t('quiz.drawRules')}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 8 }}>
          {t('quiz.drawHint')}
        </Typography.Text>
        <Form.List name="draw">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginBottom: 8 }}>
              {fields.map((f, i) => {
                const r = draw[i];
                const have = r ? matching(bank, { type: r.type || undefined, tag: r.tag || undefined }) : 0;
                const need = Number(r?.count) || 0;
                return (
                  <Flex key={f.key} align="center" gap={8} wrap className="xs-draw-rule" data-testid={`quiz-rule-${i}`}>
                    <Form.Item name={[f.name, 'type']} noStyle>
                      <Select
                        style={{ width: 130 }}
                        options={[{ value: '', label: t('bank.allTypes') }, ...QUESTION_TYPES.map((k) => ({ value: k, label: typeLabel(i18n, k) }))]}
                        data-testid={`quiz-rule-type-${i}`}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'tag']} noStyle>
                      <Select
                        style={{ width: 150 }}
                        options={[{ value: '', label: t('bank.allTags') }, ...tags.map((x) => ({ value: x, label: x }))]}
                        data-testid={`quiz-rule-tag-${i}`}
                      />
                    </Form.Item>
                    <span>{t('quiz.drawCount')}</span>
                    <Form.Item name={[f.name, 'count']} noStyle rules={[{ required: true }]}>
                      <InputNumber min={1} max={200} precision={0} style={{ width: 80 }} data-testid={`quiz-rule-count-${i}`} />
                    </Form.Item>
                    <span>{t('quiz.questionsUnit')}</span>
                    <Typography.Text type={have < need ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid={`quiz-rule-available-${i}`}>
                      {t('quiz.available', { n: have })}
                    </Typography.Text>
                    <Button type="text" icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(f.name)} style={{ marginInlineStart: 'auto' }} aria-label={t('common.delete')} />
                  </Flex>
                );
              })}
              <Flex align="center" justify="space-between" wrap gap={8}>
                <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= 10} onClick={() => add({ type: '', tag: '', count: 1 })} data-testid="quiz-rule-add">
                  {t('quiz.addRule')}
                </Button>
                <Typography.Text data-testid="quiz-draw-total">{t('quiz.drawTotal', { n: total, bank: bank.length })}</Typography.Text>
              </Flex>
            </Flex>
          )}
        </Form.List>
        {short && <Alert type="warning" showIcon title={t('quiz.bankShort')} style={{ marginBottom: 12 }} data-testid="quiz-modal-short" />}

        <Row gutter={16} style={{ marginTop: 8 }}>
          <Col xs={24} sm={8}>
            <Form.Item name="timeLimitMinutes" label={t('quiz.timeLimit')} rules={[{ required: true, message: t('quiz.numberRequired') }]}>
              <InputNumber min={1} max={600} precision={0} suffix={t('quiz.minutesUnit')} style={{ width: '100%' }} data-testid="quiz-time" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="maxAttempts" label={t('quiz.maxAttempts')} rules={[{ required: true, message: t('quiz.numberRequired') }]}>
              <InputNumber min={1} max={20} precision={0} suffix={t('quiz.timesUnit')} style={{ width: '100%' }} data-testid="quiz-attempts" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="passScore" label={t('quiz.passScore')} rules={[{ required: true, message: t('quiz.numberRequired') }]} extra={t('quiz.passHint')}>
              <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} data-testid="quiz-pass" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reveal" label={t('quiz.reveal')} style={{ marginBottom: 0 }}>
          <Radio.Group data-testid="quiz-reveal">
            <Flex vertical gap={6}>
              {REVEALS.map((r) => (
                <Radio key={r} value={r} data-testid={`quiz-reveal-${r}`}>
                  {t(REVEAL_LABELS[r])}
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
