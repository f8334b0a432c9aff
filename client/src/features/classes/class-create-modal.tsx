import { CheckCircleFilled } from '@ant-design/icons';
import { CLASS_KIND_LABELS, CLASS_KINDS, ClassInput, type ClassView, type CourseSummary, type QuizView } from '@xueshi/shared';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { fetchQuizzes } from '../../api/assessment';
import { createClass } from '../../api/classes';
import { fetchCatalog } from '../../api/courses';
import { ApiError } from '../../api/http';
import { useI18n } from '../../lib/i18n';
import { errorMessage, showServerError } from '../../lib/server-errors';
import { zodRule } from '../../lib/zod-rule';
import { useInstructors } from '../courses/use-instructors';

interface Values {
  title: string;
  kind: ClassView['kind'];
  dates: [Dayjs, Dayjs];
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

/** 新建班次: title, kind, dates, the final exam (a course's), the peer review window, weights, pass mark, instructors. */
export function ClassCreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (c: ClassView) => void }) {
  const { t, lang, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { options: instructorOptions, loading: instructorsLoading } = useInstructors(open);
  const [courses, setCourses] = useState<CourseSummary[]>([]);
  const [coursesLoading, setCoursesLoading] = useState(false);
  const [exam, setExam] = useState<Exam>({ state: 'none' });
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
    form.setFieldsValue({ kind: 'initial', weights: { instructor: 40, peer: 20, exam: 40 }, passScore: 60, instructorIds: [] });
    setExam({ state: 'none' });
    void searchCourses('');
  }, [open]);

  const pickCourse = async (courseId: string | undefined) => {
    if (!courseId) return setExam({ state: 'none' });
    setExam({ state: 'loading' });
    try {
      const final = (await fetchQuizzes(courseId)).items.find((q) => q.kind === 'final_exam');
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
    const body: ClassInput = {
      title: v.title.trim(),
      kind: v.kind,
      startsOn: v.dates[0].format('YYYY-MM-DD'),
      endsOn: v.dates[1].format('YYYY-MM-DD'),
      examQuizId: exam.state === 'found' ? exam.quiz.id : null,
      peerReviewOpensAt: v.peerWindow ? v.peerWindow[0].second(0).millisecond(0).toISOString() : null,
      peerReviewClosesAt: v.peerWindow ? v.peerWindow[1].second(0).millisecond(0).toISOString() : null,
      weights: v.weights,
      passScore: v.passScore,
      instructorIds: v.instructorIds ?? [],
    };
    setSaving(true);
    try {
      const created = await createClass(body);
      message.success(t('class.created', { title: created.title }));
      onCreated(created);
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

  return (
    <Modal
      open={open}
      title={t('class.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('class.createSubmit')}
      okButtonProps={{ loading: saving, 'data-testid': 'class-create-submit' }}
      destroyOnHidden
      width={720}
      data-testid="class-create-modal"
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} style={{ marginTop: 16 }} requiredMark="optional" data-testid="class-create-form">
        <Form.Item
          name="title"
          label={t('class.title')}
          rules={[{ required: true, whitespace: true, message: t('class.titleRequired') }, zodRule(ClassInput.shape.title, lang, t('class.titleRule'))]}
        >
          <Input maxLength={100} showCount placeholder={t('class.titlePlaceholder')} data-testid="class-title" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item name="kind" label={t('class.kind')} rules={[{ required: true, message: t('class.kindRequired') }]}>
              <Select options={CLASS_KINDS.map((k) => ({ value: k, label: label(CLASS_KIND_LABELS[k]) }))} data-testid="class-kind-select" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="dates" label={t('class.dates')} rules={[{ required: true, message: t('class.datesRequired') }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} data-testid="class-dates" />
            </Form.Item>
          </Col>
        </Row>
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
            options={courses.map((c) => ({ value: c.id, label: c.institutionName ? `${c.title}（${c.institutionName}）` : c.title }))}
            onChange={(v: string | undefined) => void pickCourse(v)}
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
                options={instructorOptions}
                loading={instructorsLoading}
                showSearch={{ optionFilterProp: 'search' }}
                placeholder={t('class.instructorsPick')}
                data-testid="class-instructors"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
