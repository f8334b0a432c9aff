import { CreateCourseRequest, type CourseDetail } from '@xueshi/shared';
import { App, Form, Input, Modal, Radio, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { createCourse } from '../../api/courses';
import { useI18n } from '../../lib/i18n';
import { showServerError } from '../../lib/server-errors';
import { zodRule } from '../../lib/zod-rule';
import { useMe } from '../auth/auth-context';
import { useCategories } from './use-categories';
import { useInstructors } from './use-instructors';

interface Values {
  title: string;
  summary?: string;
  categoryId: string;
  required: boolean;
  microLecture: boolean;
  sharing: 'institution' | 'shared';
  instructorIds?: string[];
}

const FIELDS = ['title', 'summary', 'categoryId', 'required', 'microLecture', 'sharing', 'instructorIds'] as const;

/** 新建课程: the course starts as a draft; chapters, lessons and files follow in the builder. */
export function CourseCreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (c: CourseDetail) => void }) {
  const me = useMe();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { options: categoryOptions, loading: categoriesLoading } = useCategories();
  const pickInstructors = me.role === 'institution_admin';
  const { options: instructorOptions, loading: instructorsLoading } = useInstructors(open && pickInstructors);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ required: false, microLecture: false, sharing: 'institution', instructorIds: [] });
  }, [open]);

  const onFinish = async (v: Values) => {
    setSaving(true);
    try {
      const created = await createCourse({
        title: v.title.trim(),
        summary: v.summary?.trim() ?? '',
        categoryId: v.categoryId,
        required: v.required,
        microLecture: v.microLecture,
        sharing: v.sharing,
        instructorIds: pickInstructors ? (v.instructorIds ?? []) : undefined,
      });
      message.success(t('course.createdDone', { title: created.title }));
      onCreated(created);
    } catch (e) {
      showServerError(e, message, form, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('course.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('course.createAndEdit')}
      okButtonProps={{ loading: saving, 'data-testid': 'course-create-submit' }}
      destroyOnHidden
      width={640}
      data-testid="course-create-modal"
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} style={{ marginTop: 16 }}>
        <Form.Item
          name="title"
          label={t('course.title')}
          rules={[{ required: true, whitespace: true, message: t('course.titleRequired') }, zodRule(CreateCourseRequest.shape.title, lang, t('course.titleRule'))]}
        >
          <Input maxLength={80} showCount placeholder={t('course.titlePlaceholder')} data-testid="course-title" />
        </Form.Item>
        <Form.Item name="summary" label={t('course.summary')}>
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('course.summaryPlaceholder')} data-testid="course-summary" />
        </Form.Item>
        <Form.Item name="categoryId" label={t('course.category')} rules={[{ required: true, message: t('course.categoryRequired') }]}>
          <Select options={categoryOptions} loading={categoriesLoading} placeholder={t('course.categoryPick')} data-testid="course-category" />
        </Form.Item>
        <Form.Item name="required" label={t('course.requiredLabel')} extra={t('course.requiredHint')}>
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
        {pickInstructors ? (
          <Form.Item name="instructorIds" label={t('course.instructors')} extra={t('course.instructorsHint')}>
            <Select
              mode="multiple"
              allowClear
              options={instructorOptions}
              loading={instructorsLoading}
              showSearch={{ optionFilterProp: 'search' }}
              placeholder={t('course.instructorsPick')}
              data-testid="course-instructors"
            />
          </Form.Item>
        ) : (
          <Form.Item label={t('course.instructors')}>
            <span>{me.name}</span>
            <span style={{ color: '#8c96a3', marginInlineStart: 8 }}>{t('course.instructorSelf')}</span>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
