import { AppealInput, type AppealView } from '@xueshi/shared';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { createAppeal } from '../../api/supervision';
import { useI18n } from '../../lib/i18n';
import { showServerError } from '../../lib/server-errors';
import { zodRule } from '../../lib/zod-rule';

/** 对未计入时长提出申诉: the official says why time of this lesson should have counted. */
export function AppealModal({
  open,
  lessonId,
  lessonTitle,
  onClose,
  onFiled,
}: {
  open: boolean;
  lessonId: string;
  lessonTitle?: string;
  onClose: () => void;
  onFiled: (a: AppealView) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open]);

  const submit = async (v: { reason: string }) => {
    setSaving(true);
    try {
      const a = await createAppeal(lessonId, v.reason.trim());
      message.success(t('appeal.filed'));
      onFiled(a);
    } catch (e) {
      showServerError(e, message, form, ['reason']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('appeal.fileTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('appeal.submit')}
      okButtonProps={{ loading: saving, 'data-testid': 'appeal-submit' }}
      width={560}
      forceRender
      data-testid="appeal-modal"
    >
      {lessonTitle && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {t('appeal.lesson')}：<strong>{lessonTitle}</strong>
        </Typography.Paragraph>
      )}
      <Alert type="info" showIcon title={t('appeal.fileHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={saving} data-testid="appeal-form">
        <Form.Item
          name="reason"
          label={t('appeal.reason')}
          rules={[{ required: true, whitespace: true, message: t('appeal.reasonRequired') }, zodRule(AppealInput.shape.reason, lang, t('appeal.reasonRule'))]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount placeholder={t('appeal.reasonPlaceholder')} data-testid="appeal-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
