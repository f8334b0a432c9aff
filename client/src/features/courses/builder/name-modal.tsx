import type { LessonKind } from '@xueshi/shared';
import { Form, Input, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../lib/i18n';

export type NameModalState =
  | { mode: 'addChapter' }
  | { mode: 'renameChapter'; id: string; title: string }
  | { mode: 'addLesson'; chapterId: string; chapterTitle: string }
  | { mode: 'renameLesson'; id: string; title: string }
  | null;

interface Values {
  title: string;
  kind?: LessonKind;
}

/** Name a chapter or lesson (new or renamed); a new lesson also gets its kind: video or PDF document. */
export function NameModal({ state, onClose, onSubmit }: { state: NameModalState; onClose: () => void; onSubmit: (v: Values) => Promise<boolean> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!state) return;
    form.resetFields();
    if (state.mode === 'renameChapter' || state.mode === 'renameLesson') form.setFieldsValue({ title: state.title });
    if (state.mode === 'addLesson') form.setFieldsValue({ kind: 'video' });
  }, [state]);

  const title =
    state?.mode === 'addChapter'
      ? t('outline.addChapter')
      : state?.mode === 'renameChapter'
        ? t('outline.renameChapter')
        : state?.mode === 'addLesson'
          ? t('outline.addLessonTo', { chapter: state.chapterTitle })
          : t('outline.renameLesson');
  const isChapter = state?.mode === 'addChapter' || state?.mode === 'renameChapter';

  return (
    <Modal
      open={!!state}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={state?.mode === 'addChapter' || state?.mode === 'addLesson' ? t('common.create') : t('common.save')}
      okButtonProps={{ loading: saving, 'data-testid': 'name-modal-ok' }}
      destroyOnHidden
      data-testid="name-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        onFinish={async (v) => {
          setSaving(true);
          try {
            if (await onSubmit({ ...v, title: v.title.trim() })) onClose();
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item
          name="title"
          label={isChapter ? t('outline.chapterTitle') : t('outline.lessonTitle')}
          rules={[{ required: true, whitespace: true, message: t('outline.titleRequired') }]}
        >
          <Input maxLength={80} showCount autoFocus placeholder={isChapter ? t('outline.chapterPlaceholder') : t('outline.lessonPlaceholder')} data-testid="name-input" />
        </Form.Item>
        {state?.mode === 'addLesson' && (
          <Form.Item name="kind" label={t('outline.lessonKind')} extra={t('outline.lessonKindHint')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'video', label: t('outline.kindVideo') },
                { value: 'document', label: t('outline.kindDocument') },
              ]}
              data-testid="lesson-kind"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
