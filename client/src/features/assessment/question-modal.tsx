import { CheckOutlined, CloseOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { OPTION_KEYS, QUESTION_TYPES, QuestionInput, type QuestionType, type QuestionView } from '@xueshi/shared';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Radio, Select, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { createQuestion, updateQuestion } from '../../api/assessment';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { pickMessage } from '../../lib/zod-rule';
import { typeLabel } from './labels';

interface Values {
  type: QuestionType;
  stem: string;
  /** choices in order: letters follow the order */
  options: { text: string; correct: boolean }[];
  tf?: 'true' | 'false';
  /** every accepted answer of a blank */
  fills: string[];
  explanation: string;
  tags: string[];
}

const blankChoices = () => [0, 1, 2, 3].map(() => ({ text: '', correct: false }));

function toValues(q: QuestionView | null): Values {
  if (!q) return { type: 'single', stem: '', options: blankChoices(), fills: [''], explanation: '', tags: [] };
  return {
    type: q.type,
    stem: q.stem,
    options: q.type === 'single' || q.type === 'multiple' ? q.options.map((o) => ({ text: o.text, correct: q.answer.includes(o.key) })) : blankChoices(),
    tf: q.type === 'true_false' ? (q.answer[0] as 'true' | 'false') : undefined,
    fills: q.type === 'fill' ? [...q.answer] : [''],
    explanation: q.explanation,
    tags: q.tags,
  };
}

function toInput(v: Values): QuestionInput {
  const choice = v.type === 'single' || v.type === 'multiple';
  const options = choice ? v.options.map((o, i) => ({ key: OPTION_KEYS[i], text: (o.text ?? '').trim() })) : [];
  const answer = choice
    ? v.options.flatMap((o, i) => (o.correct ? [OPTION_KEYS[i]] : []))
    : v.type === 'true_false'
      ? (v.tf ? [v.tf] : [])
      : (v.fills ?? []).map((s) => (s ?? '').trim()).filter(Boolean);
  return { type: v.type, stem: (v.stem ?? '').trim(), options, answer, explanation: (v.explanation ?? '').trim(), tags: v.tags ?? [] };
}

interface Props {
  courseId: string;
  /** null: a new question; undefined: closed */
  question: QuestionView | null | undefined;
  tags: string[];
  onClose: () => void;
  onSaved: (q: QuestionView, created: boolean) => void;
}

/** 新增 / 编辑题目: the form follows the type — choices A–H with the right one(s) marked, 对/错, or accepted blanks. */
export function QuestionModal({ courseId, question, tags, onClose, onSaved }: Props) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const open = question !== undefined;
  const type = Form.useWatch('type', form) ?? 'single';
  const options = (Form.useWatch('options', form) ?? []) as Values['options'];

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    form.resetFields();
    form.setFieldsValue(toValues(question ?? null));
  }, [open, question]);

  const toggleCorrect = (i: number) => {
    const cur = (form.getFieldValue('options') ?? []) as Values['options'];
    form.setFieldValue(
      'options',
      cur.map((o, j) => ({ ...o, correct: type === 'single' ? j === i : j === i ? !o.correct : o.correct })),
    );
    setProblem(null);
  };

  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const input = toInput(form.getFieldsValue(true) as Values);
    const parsed = QuestionInput.safeParse(input);
    if (!parsed.success) {
      setProblem(pickMessage(parsed.error.issues[0]?.message ?? '', lang) || t('bank.invalid'));
      return;
    }
    setSaving(true);
    try {
      const saved = question ? await updateQuestion(question.id, input) : await createQuestion(courseId, input);
      onSaved(saved, !question);
    } catch (e) {
      setProblem(errorMessage(e));
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const choice = type === 'single' || type === 'multiple';

  return (
    <Modal
      open={open}
      title={question ? t('bank.editQuestion') : t('bank.addQuestion')}
      width={720}
      onCancel={onClose}
      onOk={save}
      okText={t('common.save')}
      okButtonProps={{ loading: saving, 'data-testid': 'question-modal-ok' }}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" style={{ marginTop: 12 }} onValuesChange={() => setProblem(null)} data-testid="question-modal">
        <Form.Item name="type" label={t('bank.type')}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="q-type">
            {QUESTION_TYPES.map((k) => (
              <Radio.Button key={k} value={k} data-testid={`q-type-${k}`}>
                {typeLabel(i18n, k)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="stem" label={t('bank.stem')} rules={[{ required: true, whitespace: true, message: t('bank.stemRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={type === 'fill' ? t('bank.stemFillPlaceholder') : t('bank.stemPlaceholder')} data-testid="q-stem" />
        </Form.Item>

        {/* every field stays registered (hidden when not of this type), so switching type keeps what was typed */}
        <div style={{ display: choice ? undefined : 'none' }}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            {t('bank.options')}{' '}
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              {type === 'single' ? t('bank.markOne') : t('bank.markSeveral')}
            </Typography.Text>
          </Typography.Text>
          <Form.List name="options">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8} style={{ marginBottom: 16 }}>
                {fields.map((f, i) => {
                  const key = OPTION_KEYS[i];
                  const correct = !!options[i]?.correct;
                  return (
                    <Flex key={f.key} align="center" gap={8}>
                      {/* registered, so the form watches it; set by the marks beside it (one answer only for 单选题) */}
                      <Form.Item name={[f.name, 'correct']} valuePropName="checked" hidden>
                        <Checkbox />
                      </Form.Item>
                      <Tooltip title={type === 'single' ? t('bank.markAsAnswer') : t('bank.toggleAnswer')}>
                        {type === 'single' ? (
                          <Radio checked={correct} onChange={() => toggleCorrect(i)} data-testid={`q-correct-${key}`} />
                        ) : (
                          <Checkbox checked={correct} onChange={() => toggleCorrect(i)} data-testid={`q-correct-${key}`} />
                        )}
                      </Tooltip>
                      <span className={correct ? 'xs-option-badge xs-option-badge-on' : 'xs-option-badge'}>{key}</span>
                      <Form.Item
                        name={[f.name, 'text']}
                        style={{ flex: 1, marginBottom: 0 }}
                        rules={choice ? [{ required: true, whitespace: true, message: t('bank.optionRequired') }] : []}
                      >
                        <Input maxLength={500} placeholder={t('bank.optionPlaceholder', { key })} data-testid={`q-option-${key}`} />
                      </Form.Item>
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        disabled={fields.length <= 2}
                        onClick={() => remove(f.name)}
                        aria-label={t('common.delete')}
                        data-testid={`q-option-remove-${key}`}
                      />
                    </Flex>
                  );
                })}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={fields.length >= OPTION_KEYS.length}
                  onClick={() => add({ text: '', correct: false })}
                  style={{ alignSelf: 'flex-start' }}
                  data-testid="q-option-add"
                >
                  {t('bank.addOption', { max: OPTION_KEYS.length })}
                </Button>
              </Flex>
            )}
          </Form.List>
        </div>

        <div style={{ display: type === 'true_false' ? undefined : 'none' }}>
          <Form.Item name="tf" label={t('bank.answer')} rules={type === 'true_false' ? [{ required: true, message: t('bank.tfRequired') }] : []}>
            <Radio.Group>
              <Radio value="true" data-testid="q-tf-true">
                <CheckOutlined style={{ color: '#389e0d' }} /> {t('attempt.true')}
              </Radio>
              <Radio value="false" data-testid="q-tf-false">
                <CloseOutlined style={{ color: '#b3261e' }} /> {t('attempt.false')}
              </Radio>
            </Radio.Group>
          </Form.Item>
        </div>

        <div style={{ display: type === 'fill' ? undefined : 'none' }}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
            {t('bank.fillAnswers')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
            {t('bank.fillHint')}
          </Typography.Text>
          <Form.List name="fills">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8} style={{ marginBottom: 16 }}>
                {fields.map((f, i) => (
                  <Flex key={f.key} align="center" gap={8}>
                    <Form.Item
                      name={f.name}
                      style={{ flex: 1, marginBottom: 0 }}
                      rules={type === 'fill' && i === 0 ? [{ required: true, whitespace: true, message: t('bank.fillRequired') }] : []}
                    >
                      <Input maxLength={200} placeholder={i === 0 ? t('bank.fillFirst') : t('bank.fillOther')} data-testid={`q-fill-${i}`} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= 20} onClick={() => add('')} style={{ alignSelf: 'flex-start' }} data-testid="q-fill-add">
                  {t('bank.addFill')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </div>

        <Form.Item name="explanation" label={t('bank.explanation')}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('bank.explanationPlaceholder')} data-testid="q-explanation" />
        </Form.Item>
        <Form.Item name="tags" label={t('bank.tags')} extra={t('bank.tagsHint')} style={{ marginBottom: 8 }}>
          <Select mode="tags" maxCount={10} options={tags.map((x) => ({ value: x, label: x }))} placeholder={t('bank.tagsPlaceholder')} data-testid="q-tags" />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} data-testid="question-problem" />}
      </Form>
    </Modal>
  );
}
