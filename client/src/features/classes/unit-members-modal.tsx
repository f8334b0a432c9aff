import type { ClassView } from '@xueshi/shared';
import { App, Checkbox, Form, Modal, Result, TreeSelect, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { addClassMembersByUnit } from '../../api/classes';
import { useI18n } from '../../lib/i18n';
import { showServerError } from '../../lib/server-errors';
import type { UnitOption } from '../organization/org-tree';

interface Values {
  orgUnitId: string;
  includeSubunits: boolean;
}

interface Props {
  cls: ClassView;
  open: boolean;
  /** the organisation tree as TreeSelect options, and the names of its nodes */
  options: UnitOption[];
  nameOf: (id: string) => string;
  loading: boolean;
  onClose: () => void;
  onAdded: (c: ClassView) => void;
}

/** 按组织添加: every active official of a node (and, by default, of the units under it). */
export function UnitMembersModal({ cls, open, options, nameOf, loading, onClose, onAdded }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ unit: string; added: number } | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ includeSubunits: true });
    setResult(null);
  }, [open]);

  const onFinish = async (v: Values) => {
    setSaving(true);
    try {
      const next = await addClassMembersByUnit(cls.id, v.orgUnitId, v.includeSubunits);
      const before = new Set(cls.members.map((m) => m.id));
      setResult({ unit: nameOf(v.orgUnitId), added: next.members.filter((m) => !before.has(m.id)).length });
      onAdded(next);
    } catch (e) {
      showServerError(e, message, form, ['orgUnitId', 'includeSubunits']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('ca.byUnitTitle')}
      onCancel={onClose}
      onOk={() => (result ? onClose() : form.submit())}
      okText={result ? t('common.close') : t('ca.byUnitSubmit')}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      okButtonProps={{ loading: saving, 'data-testid': 'unit-members-submit' }}
      destroyOnHidden
      data-testid="unit-members-modal"
    >
      {result ? (
        <Result
          status="success"
          title={<span data-testid="unit-members-result">{t('ca.byUnitResult', { n: result.added })}</span>}
          subTitle={t('ca.byUnitResultSub', { unit: result.unit })}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('ca.byUnitIntro')}
          </Typography.Paragraph>
          <Form<Values> form={form} layout="vertical" onFinish={onFinish} data-testid="unit-members-form">
            <Form.Item name="orgUnitId" label={t('ca.byUnitNode')} rules={[{ required: true, message: t('ca.byUnitNodeRequired') }]}>
              <TreeSelect
                treeData={options}
                loading={loading}
                showSearch={{ treeNodeFilterProp: 'search' }}
                treeNodeLabelProp="name"
                popupMatchSelectWidth
                treeDefaultExpandedKeys={options.map((o) => o.key)}
                placeholder={t('user.pickUnit')}
                styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
                data-testid="unit-members-node"
              />
            </Form.Item>
            <Form.Item name="includeSubunits" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox data-testid="unit-members-sub">{t('ca.byUnitSub')}</Checkbox>
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
