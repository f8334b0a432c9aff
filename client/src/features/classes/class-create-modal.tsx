import { CheckCircleFilled } from '@ant-design/icons';
import { APPOINTMENT_LEVELS, CLASS_KIND_LABELS, CLASS_KINDS, ClassInput, type ClassView, type CourseSummary, type QuizView } from '@xueshi/shared';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { fetchQuizzes } from '../../api/assessment';
import { createClass, updateClass } from '../../api/classes';
import { fetchCatalog, fetchCourse } from '../../api/courses';
import { ApiError } from '../../api/http';
import { useI18n } from '../../lib/i18n';
import { errorMessage, showServerError } from '../../lib/server-errors';
import { zodRule } from '../../lib/zod-rule';
import { useInstructors } from '../courses/use-instructors';
import { changesOf, type ClassBody } from './class-form';
import { LEVEL_KEYS } from './class-status';

interface Values {
  title: string;
  kind: ClassView['kind'];
  appointmentLevel?: ClassView['appointmentLevel'];
  dates: [Dayjs, Dayjs];
  requiredCourseIds?: string[];
  examCourseId?: string;
  peerWindow?: [Dayjs, Dayjs] | null;
  weights: { instructor: number; peer: number; exam: number };
  passScore: number;
  instructorIds?: string[];
}

/** where the server's field names land on this form */
const FIELD_OF: Record<string, FormField> = {
  title: 'title',
  kind: 'kind',
  appointmentLevel: 'appointmentLevel',
  requiredCourseIds: 'requiredCourseIds',
  startsOn: 'dates',
  endsOn: 'dates',
  examQuizId: 'examCourseId',
  peerReviewOpensAt: 'peerWindow',
  peerReviewClosesAt: 'peerWindow',
  weights: ['weights', 'instructor'],
  'weights.instructor': ['weights', 'instructor'],
  'weights.peer': ['weights', 'peer'],
  'weights.exam': ['weights', 'exam'],
  passScore: 'passScore',
  instructorIds: 'instructorIds',
};
type FormField = keyof Values | ['weights', keyof Values['weights']];

type Exam = { state: 'none' } | { state: 'loading' } | { state: 'found'; quiz: QuizView } | { state: 'missing' } | { state: 'error'; message: string };

type Option = { value: string; label: string };
const courseOption = (c: { id: string; title: string; institutionName?: string }): Option => ({
  value: c.id,
  label: c.institutionName ? `${c.title}（${c.institutionName}）` : c.title,
});

/** 新建班次: title, kind, dates, the final exam (a course's), the peer review window, weights, pass mark, instructors. */
export function ClassCreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (c: ClassView) => void }) {
  return <ClassFormModal open={open} onClose={onClose} onSaved={onCreated} />;
}

/** 编辑班次: the same form over a draft or published class; only the fields changed are sent. */
export function ClassEditModal({ cls, open, onClose, onSaved }: { cls: ClassView; open: boolean; onClose: () => void; onSaved: (c: ClassView) => void }) {
  return <ClassFormModal cls={cls} open={open} onClose={onClose} onSaved={onSaved} />;
}

function ClassFormModal({ cls, open, onClose, onSaved }: { cls?: ClassView; open: boolean; onClose: () => void; onSaved: (c: ClassView) => void }) {
  const { t, lang, label } = useI18n();
  const editing = !!cls;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { options: instructorOptions, loading: instructorsLoading } = useInstructors(open);
  const [courses, setCourses] = useState<CourseSummary[]>([]);
  const [coursesLoading, setCoursesLoading] = useState(false);
  const [exam, setExam] = useState<Exam>({ state: 'none' });
  // courses the form shows though the last search did not return them (the class's own)
  const [knownCourses, setKnownCourses] = useState<Option[]>([]);
  const [unchanged, setUnchanged] = useState(false);
  const kind = Form.useWatch('kind', form);
  const searchSeq = useRef(0);

  const searchCourses = async (q: string) => {
    const seq = ++searchSeq.current;
    setCoursesLoading(true);
    try {
      const page = await fetchCatalog({ q: q.trim() || undefined, pageSize: 50 });
      if (seq === searchSeq.current) setCourses(page.items);
    } catch (e) {
      if (seq === searchSeq.current) message.error(errorMessage(e));
    } finally {
      if (seq === searchSeq.current) setCoursesLoading(false);
    }
  };

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setExam({ state: 'none' });
    setUnchanged(false);
    if (cls) {
      form.setFieldsValue({
        title: cls.title,
        kind: cls.kind,
        appointmentLevel: cls.appointmentLevel,
        dates: [dayjs(cls.startsOn), dayjs(cls.endsOn)],
        requiredCourseIds: cls.requiredCourses.map((c) => c.id),
        examCourseId: cls.examCourseId ?? undefined,
        peerWindow: cls.peerReviewOpensAt && cls.peerReviewClosesAt ? [dayjs(cls.peerReviewOpensAt), dayjs(cls.peerReviewClosesAt)] : null,
        weights: { ...cls.weights },
        passScore: cls.passScore,
        instructorIds: cls.instructors.map((x) => x.id),
      });
      setKnownCourses(cls.requiredCourses.map(courseOption));
      if (cls.examCourseId) {
        const examCourseId = cls.examCourseId;
        void pickCourse(examCourseId, cls.examQuizId);
        void fetchCourse(examCourseId)
          .then((c) => setKnownCourses((k) => [...k, courseOption(c)]))
          .catch(() => undefined);
      }
    } else {
      form.setFieldsValue({ kind: 'initial', weights: { instructor: 40, peer: 20, exam: 40 }, passScore: 60, instructorIds: [], requiredCourseIds: [] });
      setKnownCourses([]);
    }
    void searchCourses('');
  }, [open]);

  /** the course's final exam (the class's own, when editing and the course is unchanged) */
  const pickCourse = async (courseId: string | undefined, quizId?: string | null) => {
    if (!courseId) return setExam({ state: 'none' });
    setExam({ state: 'loading' });
    try {
      const finals = (await fetchQuizzes(courseId)).items.filter((q) => q.kind === 'final_exam');
      const final = finals.find((q) => q.id === quizId) ?? finals[0];
      setExam(final ? { state: 'found', quiz: final } : { state: 'missing' });
    } catch (e) {
      setExam({ state: 'error', message: errorMessage(e) });
    }
  };

  // a course without a final exam is an error on the field as soon as it is known
  useEffect(() => {
    if (open && exam.state !== 'loading' && form.isFieldTouched('examCourseId')) void form.validateFields(['examCourseId']).catch(() => undefined);
  }, [exam]);

  const onFinish = async (v: Values) => {
    const body: ClassBody = {
      title: v.title.trim(),
      kind: v.kind,
      appointmentLevel: v.kind === 'appointment' ? (v.appointmentLevel ?? null) : null,
      startsOn: v.dates[0].format('YYYY-MM-DD'),
      endsOn: v.dates[1].format('YYYY-MM-DD'),
      requiredCourseIds: v.requiredCourseIds ?? [],
      examQuizId: exam.state === 'found' ? exam.quiz.id : null,
      peerReviewOpensAt: v.peerWindow ? v.peerWindow[0].second(0).millisecond(0).toISOString() : null,
      peerReviewClosesAt: v.peerWindow ? v.peerWindow[1].second(0).millisecond(0).toISOString() : null,
      weights: v.weights,
      passScore: v.passScore,
      instructorIds: v.instructorIds ?? [],
    };
    const changes = cls ? changesOf(cls, body) : null;
    if (changes && Object.keys(changes).length === 0) {
      setUnchanged(true);
      return;
    }
    setSaving(true);
    try {
      const saved = cls && changes ? await updateClass(cls.id, changes) : await createClass(body);
      message.success(t(cls ? 'ca.saved' : 'class.created', { title: saved.title }));
      onSaved(saved);
    } catch (e) {
      // the server names its fields (startsOn, weights.instructor …); put them on this form's
      if (e instanceof ApiError && e.field) {
        const issues = e.issues?.length && e.message.endsWith(e.issues[0].message) ? e.issues : [{ field: e.field, message: e.message }];
        const fields = issues.filter((i) => FIELD_OF[i.field]).map((i) => ({ name: FIELD_OF[i.field], errors: [i.message] }));
        if (fields.length) {
          form.setFields(fields);
          return;
        }
      }
      showServerError(e, message);
    } finally {
      setSaving(false);
    }
  };

  const weightRule = {
    validator: async () => {
      const w = form.getFieldValue('weights') as Values['weights'] | undefined;
      if (w && (w.instructor ?? 0) + (w.peer ?? 0) + (w.exam ?? 0) <= 0) throw new Error(t('class.weightsZero'));
    },
  };
  // a peer weight without a window would leave every total open (the peer part never arrives)
  const peerRule = {
    validator: async () => {
      if ((form.getFieldValue(['weights', 'peer']) ?? 0) > 0 && !form.getFieldValue('peerWindow')) throw new Error(t('class.peerWeightNoWindow'));
    },
  };

  const examExtra =
    exam.state === 'found' ? (
      <Typography.Text type="success" data-testid="class-exam-found">
        <CheckCircleFilled /> {t('class.examFound', { title: exam.quiz.title, pass: exam.quiz.passScore })}
      </Typography.Text>
    ) : exam.state === 'loading' ? (
      t('class.examLoading')
    ) : exam.state === 'none' ? (
      t('class.examHint')
    ) : undefined;

  const known = new Set(courses.map((c) => c.id));
  const courseOptions = [...courses.map(courseOption), ...knownCourses.filter((o) => !known.has(o.value))].filter(
    (o, i, all) => all.findIndex((x) => x.value === o.value) === i,
  );
  const instructorChoices = [
    ...instructorOptions,
    ...(cls?.instructors ?? []).filter((x) => !instructorOptions.some((o) => o.value === x.id)).map((x) => ({ value: x.id, label: x.name, search: x.name })),
  ];

  return (
    <Modal
      open={open}
      title={cls ? t('ca.editTitle') : t('class.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={cls ? t('ca.editSubmit') : t('class.createSubmit')}
      okButtonProps={{ loading: saving, 'data-testid': editing ? 'class-edit-submit' : 'class-create-submit' }}
      destroyOnHidden
      width={720}
      data-testid={editing ? 'class-edit-modal' : 'class-create-modal'}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={() => setUnchanged(false)}
        style={{ marginTop: 16 }}
        requiredMark="optional"
        data-testid={editing ? 'class-edit-form' : 'class-create-form'}
      >
        {cls?.status === 'published' && <Alert type="info" showIcon title={t('ca.editPublishedNote')} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="title"
          label={t('class.title')}
          rules={[{ required: true, whitespace: true, message: t('class.titleRequired') }, zodRule(ClassInput.shape.title, lang, t('class.titleRule'))]}
        >
          <Input maxLength={100} showCount placeholder={t('class.titlePlaceholder')} data-testid={editing ? 'class-edit-title' : 'class-title'} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={kind === 'appointment' ? 7 : 10}>
            <Form.Item name="kind" label={t('class.kind')} rules={[{ required: true, message: t('class.kindRequired') }]}>
              <Select options={CLASS_KINDS.map((k) => ({ value: k, label: label(CLASS_KIND_LABELS[k]) }))} data-testid="class-kind-select" />
            </Form.Item>
          </Col>
          {kind === 'appointment' && (
            <Col xs={24} sm={7}>
              <Form.Item name="appointmentLevel" label={t('ca.level')} rules={[{ required: true, message: t('ca.levelRequired') }]}>
                <Radio.Group
                  optionType="button"
                  options={APPOINTMENT_LEVELS.map((l) => ({ value: l, label: t(LEVEL_KEYS[l]) }))}
                  data-testid="class-level"
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={kind === 'appointment' ? 10 : 14}>
            <Form.Item name="dates" label={t('class.dates')} rules={[{ required: true, message: t('class.datesRequired') }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} data-testid="class-dates" />
            </Form.Item>
          </Col>
        </Row>
        {(kind === 'initial' || kind === 'appointment') && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12, fontSize: 13 }} data-testid="class-kind-rule">
            {t(kind === 'initial' ? 'ca.ruleHintInitial' : 'ca.ruleHintAppointment')}
          </Typography.Paragraph>
        )}
        <Form.Item name="requiredCourseIds" label={t('ca.requiredCourses')} extra={t('ca.requiredCoursesHint')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ filterOption: false, onSearch: (q) => void searchCourses(q) }}
            loading={coursesLoading}
            placeholder={t('ca.requiredCoursesPick')}
            notFoundContent={coursesLoading ? t('common.loading') : t('class.noCourses')}
            options={courseOptions.map((o) => {
              const c = courses.find((x) => x.id === o.value);
              return {
                value: o.value,
                name: o.label,
                label: c ? (
                  <span>
                    {o.label}
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                      {t('ca.courseHours', { h: c.creditHours })}
                    </Typography.Text>
                    {c.required && (
                      <Tag color="blue" variant="outlined" style={{ marginInlineStart: 6 }}>
                        {t('ca.courseRequiredTag')}
                      </Tag>
                    )}
                  </span>
                ) : (
                  o.label
                ),
              };
            })}
            optionLabelProp="name"
            data-testid="class-required-courses"
          />
        </Form.Item>
        <Form.Item
          name="examCourseId"
          label={t('class.exam')}
          extra={examExtra}
          rules={[
            {
              validator: async () => {
                if (exam.state === 'missing') throw new Error(t('class.examMissing'));
                if (exam.state === 'error') throw new Error(exam.message);
              },
            },
          ]}
        >
          <Select
            allowClear
            showSearch={{ filterOption: false, onSearch: (q) => void searchCourses(q) }}
            loading={coursesLoading}
            placeholder={t('class.examCoursePlaceholder')}
            notFoundContent={coursesLoading ? t('common.loading') : t('class.noCourses')}
            options={courseOptions}
            onChange={(v: string | undefined) => void pickCourse(v, v === cls?.examCourseId ? cls?.examQuizId : null)}
            data-testid="class-exam-course"
          />
        </Form.Item>
        <Form.Item name="peerWindow" label={t('class.peerWindow')} extra={t('class.peerWindowHint')} style={{ marginTop: 8 }}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            placeholder={[t('class.peerOpensAt'), t('class.peerClosesAt')]}
            style={{ width: '100%' }}
            data-testid="class-peer-window"
          />
        </Form.Item>
        <Form.Item label={t('class.weights')} extra={t('class.weightsHint')} required>
          <Row gutter={12}>
            {(['instructor', 'peer', 'exam'] as const).map((k) => (
              <Col span={8} key={k}>
                <Form.Item
                  name={['weights', k]}
                  noStyle
                  rules={[{ required: true, message: t('class.weightRequired') }, weightRule, ...(k === 'peer' ? [peerRule] : [])]}
                  dependencies={k === 'peer' ? ['peerWindow'] : undefined}
                >
                  <InputNumber
                    min={0}
                    max={100}
                    precision={0}
                    prefix={<Typography.Text type="secondary">{t(k === 'instructor' ? 'class.weightInstructor' : k === 'peer' ? 'class.weightPeer' : 'class.weightExam')}</Typography.Text>}
                    style={{ width: '100%' }}
                    data-testid={`class-weight-${k}`}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="passScore" label={t('class.passScore')} extra={t('class.passScoreHint')} rules={[{ required: true, message: t('class.passScoreRequired') }]}>
              <InputNumber min={0} max={100} precision={0} suffix={t('class.pointsUnit')} style={{ width: '100%' }} data-testid="class-pass-score" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="instructorIds" label={t('class.instructors')} extra={t('class.instructorsHint')}>
              <Select
                mode="multiple"
                allowClear
                options={instructorChoices}
                loading={instructorsLoading}
                showSearch={{ optionFilterProp: 'search' }}
                placeholder={t('class.instructorsPick')}
                data-testid="class-instructors"
              />
            </Form.Item>
          </Col>
        </Row>
        {unchanged && <Alert type="info" showIcon title={t('ca.editUnchanged')} data-testid="class-edit-unchanged" />}
      </Form>
    </Modal>
  );
}
