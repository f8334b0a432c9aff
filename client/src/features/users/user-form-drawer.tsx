import {
  Password,
  RANK_LEVEL_LABELS,
  RANK_LEVELS,
  ROLE_LABELS,
  StaffNo,
  Username,
  type CreateUserRequest,
  type InstitutionView,
  type RankLevel,
  type Role,
  type UpdateUserRequest,
  type UserView,
} from '@xueshi/shared';
import { App, Button, Col, DatePicker, Drawer, Flex, Form, Grid, Input, Row, Select, Switch, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { createUser, updateUser } from '../../api/users';
import { useI18n } from '../../lib/i18n';
import { showServerError } from '../../lib/server-errors';
import { zodRule } from '../../lib/zod-rule';
import { useMe } from '../auth/auth-context';
import type { UnitOption } from '../organization/org-tree';
import { MANAGEABLE_ROLES, needsInstitution, needsOrgUnit } from './permissions';

interface Values {
  name: string;
  username: string;
  role: Role;
  staffNo?: string;
  orgUnitId?: string | null;
  institutionId?: string | null;
  rankLevel?: RankLevel | null;
  position?: string;
  lawEnforcement: boolean;
  grassroots: boolean;
  civilServiceEntryDate?: Dayjs | null;
  appointmentDate?: Dayjs | null;
  password?: string;
}

const FIELDS = [
  'name',
  'username',
  'role',
  'staffNo',
  'orgUnitId',
  'institutionId',
  'rankLevel',
  'position',
  'lawEnforcement',
  'grassroots',
  'civilServiceEntryDate',
  'appointmentDate',
  'password',
] as const;

export interface UserFormResult {
  user: UserView;
  initialPassword: string | null;
  created: boolean;
}

interface Props {
  open: boolean;
  /** the user being edited, or null to create one */
  user: UserView | null;
  unitOptions: UnitOption[];
  institutions: InstitutionView[];
  /** preset for a new user (e.g. the unit picked in the organisation tree) */
  defaults?: { orgUnitId?: string };
  onClose: () => void;
  onSaved: (r: UserFormResult) => void;
}

export function UserFormDrawer({ open, user, unitOptions, institutions, defaults, onClose, onSaved }: Props) {
  const me = useMe();
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const role = Form.useWatch('role', form);
  const editing = !!user;
  const roles = MANAGEABLE_ROLES[me.role];
  const ownInstitution = me.role === 'institution_admin' ? me.institutionId : null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        name: user.name,
        username: user.username,
        role: user.role,
        staffNo: user.staffNo ?? undefined,
        orgUnitId: user.orgUnitId,
        institutionId: user.institutionId,
        rankLevel: user.rankLevel,
        position: user.position ?? undefined,
        lawEnforcement: user.lawEnforcement,
        grassroots: user.grassroots,
        civilServiceEntryDate: user.civilServiceEntryDate ? dayjs(user.civilServiceEntryDate) : null,
        appointmentDate: user.appointmentDate ? dayjs(user.appointmentDate) : null,
      });
    } else {
      form.setFieldsValue({
        role: roles[0],
        orgUnitId: defaults?.orgUnitId ?? null,
        institutionId: ownInstitution ?? (institutions.length === 1 ? institutions[0].id : null),
        lawEnforcement: false,
        grassroots: false,
      });
    }
    // the form is filled once per opening, not on every parent render
  }, [open, user]);

  const showUnit = role ? needsOrgUnit(role) || role === 'sys_admin' : false;
  const showInstitution = role ? needsInstitution(role) : false;
  const isOfficial = role === 'official';

  const onFinish = async (v: Values) => {
    setSaving(true);
    const common = {
      name: v.name.trim(),
      staffNo: v.staffNo?.trim() || null,
      orgUnitId: showUnit ? (v.orgUnitId ?? null) : null,
      institutionId: showInstitution ? (v.institutionId ?? null) : null,
      rankLevel: v.rankLevel ?? null,
      position: v.position?.trim() || null,
      lawEnforcement: isOfficial ? !!v.lawEnforcement : false,
      grassroots: isOfficial ? !!v.grassroots : false,
      civilServiceEntryDate: v.civilServiceEntryDate ? v.civilServiceEntryDate.format('YYYY-MM-DD') : null,
      appointmentDate: isOfficial && v.appointmentDate ? v.appointmentDate.format('YYYY-MM-DD') : null,
    };
    try {
      if (user) {
        const body: UpdateUserRequest = { ...common, role: v.role };
        const saved = await updateUser(user.id, body);
        onSaved({ user: saved, initialPassword: null, created: false });
      } else {
        const body: CreateUserRequest = { ...common, username: v.username.trim(), role: v.role, password: v.password || undefined };
        const res = await createUser(body);
        onSaved({ user: res.user, initialPassword: res.initialPassword, created: true });
      }
    } catch (e) {
      showServerError(e, message, form, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={user ? t('user.editTitle', { name: user.name }) : t('user.createTitle')}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
      mask={{ closable: false }}
      data-testid="user-form-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="user-form-submit">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} data-testid="user-form" scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('user.name')} rules={[{ required: true, whitespace: true, message: t('user.nameRequired') }, { max: 50 }]}>
              <Input maxLength={50} data-testid="user-form-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="username"
              label={t('user.username')}
              extra={editing ? undefined : t('user.usernameRule')}
              rules={editing ? [] : [{ required: true, whitespace: true, message: t('user.usernameRequired') }, zodRule(Username, lang, t('user.usernameRule'))]}
            >
              <Input maxLength={32} disabled={editing} autoComplete="off" data-testid="user-form-username" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="role" label={t('user.role')} rules={[{ required: true, message: t('user.roleRequired') }]}>
              <Select
                data-testid="user-form-role"
                disabled={editing && user?.id === me.id}
                options={roles.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="staffNo" label={t('user.staffNo')} rules={[{ required: isOfficial, whitespace: true, message: t('user.staffNoRequired') }, zodRule(StaffNo, lang, t('user.staffNoRule'))]}>
              <Input maxLength={32} data-testid="user-form-staffno" />
            </Form.Item>
          </Col>
          {showUnit && (
            <Col xs={24}>
              <Form.Item
                name="orgUnitId"
                label={t('user.orgUnit')}
                rules={role && needsOrgUnit(role) ? [{ required: true, message: t('user.orgUnitRequired') }] : []}
              >
                <TreeSelect
                  data-testid="user-form-unit"
                  treeData={unitOptions}
                  showSearch={{ treeNodeFilterProp: 'search' }}
                  treeNodeLabelProp="name"
                  treeDefaultExpandAll
                  allowClear
                  placeholder={t('user.pickUnit')}
                  styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
                />
              </Form.Item>
            </Col>
          )}
          {showInstitution && (
            <Col xs={24}>
              <Form.Item name="institutionId" label={t('user.institution')} rules={[{ required: true, message: t('user.institutionRequired') }]}>
                <Select
                  data-testid="user-form-institution"
                  disabled={!!ownInstitution}
                  placeholder={t('user.pickInstitution')}
                  options={institutions.map((i) => ({ value: i.id, label: i.name }))}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12}>
            <Form.Item name="rankLevel" label={t('user.rank')}>
              <Select allowClear options={RANK_LEVELS.map((r) => ({ value: r, label: label(RANK_LEVEL_LABELS[r]) }))} data-testid="user-form-rank" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="position" label={t('user.position')} rules={[{ max: 60 }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          {isOfficial && (
            <>
              <Col xs={24} sm={12}>
                <Form.Item name="civilServiceEntryDate" label={t('user.entryDate')}>
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="appointmentDate" label={t('user.appointmentDate')} tooltip={t('user.appointmentDateHint')}>
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().add(1, 'year'))} data-testid="user-form-appointment-date" />
                </Form.Item>
              </Col>
              <Col xs={12} sm={6}>
                <Form.Item name="lawEnforcement" label={t('user.lawEnforcement')} valuePropName="checked">
                  <Switch data-testid="user-form-law" />
                </Form.Item>
              </Col>
              <Col xs={12} sm={6}>
                <Form.Item name="grassroots" label={t('user.grassroots')} valuePropName="checked">
                  <Switch data-testid="user-form-grassroots" />
                </Form.Item>
              </Col>
            </>
          )}
          {!editing && (
            <Col xs={24}>
              <Form.Item name="password" label={t('user.password')} extra={t('auth.passwordRule')} rules={[zodRule(Password, lang, t('auth.passwordRule'))]}>
                <Input.Password placeholder={t('user.passwordPlaceholder')} autoComplete="new-password" data-testid="user-form-password" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Drawer>
  );
}
