import { CreateCourseRequest, type CourseDetail, type UpdateCourseRequest } from '@xueshi/shared';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { updateCourse } from '../../../api/courses';
import { useI18n } from '../../../lib/i18n';
import { showServerError } from '../../../lib/server-errors';
import { zodRule } from '../../../lib/zod-rule';
import { useMe } from '../../auth/auth-context';
import { MicroTag, RequiredTag, SharingTag } from '../course-tags';
import { formatDuration, formatHours } from '../format';
import { useCategories } from '../use-categories';
import { useInstructors } from '../use-instructors';

interface Values {
  title: string;
  summary: string;
  categoryId: string;
  required: boolean;
  microLecture: boolean;
  sharing: 'institution' | 'shared';
  creditHours: number | null;
  instructorIds: string[];
}

const FIELDS = ['title', 'summary', 'categoryId', 'required', 'microLecture', 'sharing', 'creditHours', 'instructorIds'] as const;

/** The course's own fields: editable while the course may change, a summary otherwise. */
export function CourseFieldsCard({ course, editable, onSaved }: { course: CourseDetail; editable: boolean; onSaved: (c: CourseDetail) => void }) {
  const me = useMe();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { options: categoryOptions, nameOf } = useCategories();
  // instructors come from the user directory, which only admins may read
  const pickInstructors = editable && (me.role === 'institution_admin' || me.role === 'sys_admin');
  const { options: instructorOptions, loading: instructorsLoading } = useInstructors(pickInstructors);

  const fill = () =>
    form.setFieldsValue({
      title: course.title,
      summary: course.summary,
      categoryId: course.categoryId,
      required: course.required,
      microLecture: course.microLecture,
      sharing: course.sharing,
      creditHours: course.creditHours,
      instructorIds: course.instructorIds,
    });

  // refill when the saved fields change, not on every change of the outline (unsaved edits stay)
  const saved = JSON.stringify([course.id, course.title, course.summary, course.categoryId, course.required, course.microLecture, course.sharing, course.creditHours, course.instructorIds]);
  useEffect(() => {
    if (editable) fill();
  }, [saved, editable]);

  const onFinish = async (v: Values) => {
    const body: UpdateCourseRequest = {
      title: v.title.trim(),
      summary: (v.summary ?? '').trim(),
      categoryId: v.categoryId,
      required: v.required,
      microLecture: v.microLecture,
      sharing: v.sharing,
    };
    // untouched, the credit stays "from the videos' duration" and follows new videos
    if (form.isFieldTouched('creditHours')) body.creditHours = v.creditHours ?? null;
    if (pickInstructors) body.instructorIds = v.instructorIds ?? [];
    setSaving(true);
    try {
      const saved = await updateCourse(course.id, body);
      message.success(t('common.saved'));
      form.resetFields(['creditHours']);
      onSaved(saved);
    } catch (e) {
      showServerError(e, message, form, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const maxText = course.maxCreditHours > 0 ? t('course.creditMax', { max: formatHours(course.maxCreditHours) }) : t('course.creditNoVideo');

  if (!editable) {
    return (
      <Card title={t('course.info')} data-testid="course-fields">
        <Descriptions
          column={1}
          size="small"
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            { key: 'title', label: t('course.title'), children: course.title },
            { key: 'summary', label: t('course.summary'), children: course.summary || t('common.none') },
            { key: 'category', label: t('course.category'), children: nameOf(course.categoryId, course.categoryName) },
            {
              key: 'kind',
              label: t('course.type'),
              children: (
                <>
                  <RequiredTag required={course.required} />
                  {course.microLecture && <MicroTag />}
                </>
              ),
            },
            { key: 'sharing', label: t('course.sharing'), children: <SharingTag sharing={course.sharing} /> },
            { key: 'credit', label: t('course.creditHours'), children: <span data-testid="course-credit">{formatHours(course.creditHours)}</span> },
            { key: 'duration', label: t('course.duration'), children: formatDuration(course.durationSeconds) },
            { key: 'instructors', label: t('course.instructors'), children: course.instructorNames.join(t('common.listSep')) || t('common.none') },
            { key: 'institution', label: t('course.institution'), children: course.institutionName },
          ]}
        />
      </Card>
    );
  }

  return (
    <Card title={t('course.info')} data-testid="course-fields">
      <Form<Values> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="title"
          label={t('course.title')}
          rules={[{ required: true, whitespace: true, message: t('course.titleRequired') }, zodRule(CreateCourseRequest.shape.title, lang, t('course.titleRule'))]}
        >
          <Input maxLength={80} data-testid="course-title" />
        </Form.Item>
        <Form.Item name="summary" label={t('course.summary')}>
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} data-testid="course-summary" />
        </Form.Item>
        <Form.Item name="categoryId" label={t('course.category')} rules={[{ required: true, message: t('course.categoryRequired') }]}>
          <Select options={categoryOptions} data-testid="course-category" />
        </Form.Item>
        <Form.Item name="required" label={t('course.requiredLabel')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: t('course.required') },
              { value: false, label: t('course.elective') },
            ]}
            data-testid="course-required"
          />
        </Form.Item>
        <Form.Item name="microLecture" label={t('course.micro')} valuePropName="checked" extra={t('course.microHint')}>
          <Switch data-testid="course-micro" />
        </Form.Item>
        <Form.Item name="sharing" label={t('course.sharing')} extra={t('course.sharingHint')}>
          <Radio.Group
            options={[
              { value: 'institution', label: t('course.sharingInstitution') },
              { value: 'shared', label: t('course.sharingShared') },
            ]}
            data-testid="course-sharing"
          />
        </Form.Item>
        <Form.Item
          name="creditHours"
          label={t('course.creditHours')}
          extra={<span data-testid="credit-max">{maxText}</span>}
          rules={[
            {
              validator: async (_, v: number | null | undefined) => {
                if (v === null || v === undefined) return;
                if (v > course.maxCreditHours) throw new Error(t('course.creditTooHigh', { max: formatHours(course.maxCreditHours) }));
              },
            },
          ]}
        >
          <InputNumber<number>
            min={0}
            max={999.9}
            step={0.1}
            precision={1}
            placeholder={t('course.creditAuto')}
            suffix={t('course.hoursUnit')}
            style={{ width: 180 }}
            data-testid="course-credit-input"
          />
        </Form.Item>
        {pickInstructors ? (
          <Form.Item name="instructorIds" label={t('course.instructors')} extra={t('course.instructorsHint')}>
            <Select
              mode="multiple"
              allowClear
              options={instructorOptions}
              loading={instructorsLoading}
              showSearch={{ optionFilterProp: 'search' }}
              data-testid="course-instructors"
            />
          </Form.Item>
        ) : (
          <Form.Item label={t('course.instructors')}>
            <Typography.Text>{course.instructorNames.join(t('common.listSep'))}</Typography.Text>
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="course-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
