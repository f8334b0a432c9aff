import { CreateOrgUnitRequest, ORG_UNIT_CHILD_TYPES, ORG_UNIT_TYPE_LABELS, type OrgUnitView } from '@xueshi/shared';
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { createOrgUnit, renameOrgUnit } from '../../api/org-units';
import { useI18n } from '../../lib/i18n';
import { showServerError } from '../../lib/server-errors';
import { zodRule } from '../../lib/zod-rule';

export type OrgUnitModalState = { mode: 'child'; parent: OrgUnitView } | { mode: 'rename'; unit: OrgUnitView } | null;

interface Values {
  type?: OrgUnitView['type'];
  code?: string;
  name: string;
}

const FIELDS = ['type', 'code', 'name'] as const;

/** Add a child node (type limited by ORG_UNIT_CHILD_TYPES) or rename a node. */
export function OrgUnitModal({ state, onClose, onSaved }: { state: OrgUnitModalState; onClose: () => void; onSaved: (u: OrgUnitView) => void }) {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const childTypes = state?.mode === 'child' ? ORG_UNIT_CHILD_TYPES[state.parent.type] : [];

  useEffect(() => {
    if (!state) return;
    form.resetFields();
    if (state.mode === 'rename') form.setFieldsValue({ name: state.unit.name });
    else form.setFieldsValue({ type: childTypes[0], code: `${state.parent.code}-` });
    // the form is filled once per opening, not on every parent render
  }, [state]);

  const onFinish = async (v: Values) => {
    if (!state) return;
    setSaving(true);
    try {
      const saved =
        state.mode === 'child'
          ? await createOrgUnit({ parentId: state.parent.id, type: v.type!, code: v.code!.trim(), name: v.name.trim() })
          : await renameOrgUnit(state.unit.id, { name: v.name.trim() });
      message.success(state.mode === 'child' ? t('org.created', { name: saved.name }) : t('org.renamed', { name: saved.name }));
      onSaved(saved);
    } catch (e) {
      showServerError(e, message, form, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!state}
      title={state?.mode === 'child' ? t('org.addChildTitle', { name: state.parent.name }) : state ? t('org.renameTitle', { name: state.unit.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: saving, 'data-testid': 'org-unit-submit' }}
      destroyOnHidden
      data-testid="org-unit-modal"
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} style={{ marginTop: 16 }}>
        {state?.mode === 'child' && (
          <>
            <Form.Item name="type" label={t('org.type')} rules={[{ required: true, message: t('org.typeRequired') }]}>
              <Select options={childTypes.map((ty) => ({ value: ty, label: label(ORG_UNIT_TYPE_LABELS[ty]) }))} data-testid="org-unit-type" />
            </Form.Item>
            <Form.Item
              name="code"
              label={t('org.code')}
              extra={t('org.codeRule')}
              rules={[{ required: true, whitespace: true, message: t('org.codeRequired') }, zodRule(CreateOrgUnitRequest.shape.code, lang, t('org.codeRule'))]}
            >
              <Input maxLength={40} className="xs-mono" data-testid="org-unit-code" />
            </Form.Item>
          </>
        )}
        <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('org.nameRequired') }]}>
          <Input maxLength={60} data-testid="org-unit-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
