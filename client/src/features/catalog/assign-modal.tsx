import type { CourseDetail } from '@xueshi/shared';
import { Alert, App, Form, Modal, Result, TreeSelect, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { assignCourse } from '../../api/courses';
import { useI18n } from '../../lib/i18n';
import { showServerError } from '../../lib/server-errors';
import { useOrgUnits } from '../organization/use-org-data';

interface Values {
  orgUnitId: string;
}

/** 分配给单位: a published course for every official of an org unit (and the units under it). */
export function AssignModal({ course, open, onClose }: { course: CourseDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ unit: string; assigned: number; alreadyEnrolled: number } | null>(null);
  const { options, units, loading } = useOrgUnits(open);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setResult(null);
  }, [open]);

  const onFinish = async (v: Values) => {
    setSaving(true);
    try {
      const r = await assignCourse(course.id, { orgUnitId: v.orgUnitId });
      setResult({ unit: units.find((u) => u.id === v.orgUnitId)?.name ?? '', ...r });
    } catch (e) {
      showServerError(e, message, form, ['orgUnitId']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('assign.title')}
      onCancel={onClose}
      onOk={() => (result ? onClose() : form.submit())}
      okText={result ? t('common.close') : t('assign.submit')}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      okButtonProps={{ loading: saving, 'data-testid': 'assign-submit' }}
      destroyOnHidden
      data-testid="assign-modal"
    >
      {result ? (
        <Result
          status="success"
          title={<span data-testid="assign-result">{t('assign.result', { assigned: result.assigned, already: result.alreadyEnrolled })}</span>}
          subTitle={t('assign.resultSub', { unit: result.unit, course: course.title })}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('assign.hint', { course: course.title })}
          </Typography.Paragraph>
          {!course.required && <Alert type="info" showIcon title={t('assign.electiveNote')} style={{ marginBottom: 16 }} />}
          <Form<Values> form={form} layout="vertical" onFinish={onFinish}>
            <Form.Item name="orgUnitId" label={t('assign.unit')} rules={[{ required: true, message: t('assign.unitRequired') }]}>
              <TreeSelect
                treeData={options}
                loading={loading}
                showSearch={{ treeNodeFilterProp: 'search' }}
                treeNodeLabelProp="name"
                popupMatchSelectWidth
                treeDefaultExpandedKeys={options.map((o) => o.key)}
                placeholder={t('user.pickUnit')}
                styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
                data-testid="assign-unit"
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
