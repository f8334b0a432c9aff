import { PlusOutlined } from '@ant-design/icons';
import { CreateCategoryRequest, type CategoryView } from '@xueshi/shared';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Modal, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { createCategory, fetchCategories, updateCategory } from '../../api/courses';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n';
import { errorMessage, showServerError } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { zodRule } from '../../lib/zod-rule';
import { invalidateCategories } from '../courses/use-categories';

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
  legal: boolean;
  sort: number;
}

const FIELDS = ['code', 'nameZh', 'nameEn', 'legal', 'sort'] as const;

function CategoryModal({ state, onClose, onSaved }: { state: { category: CategoryView | null; nextSort: number } | null; onClose: () => void; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const editing = state?.category ?? null;

  useEffect(() => {
    if (!state) return;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? { code: editing.code, nameZh: editing.nameZh, nameEn: editing.nameEn, legal: editing.legal, sort: editing.sort }
        : { legal: false, sort: state.nextSort },
    );
  }, [state]);

  const onFinish = async (v: Values) => {
    setSaving(true);
    try {
      const body = { nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim(), legal: v.legal, sort: v.sort };
      if (editing) await updateCategory(editing.id, body);
      else await createCategory({ ...body, code: v.code.trim() });
      message.success(editing ? t('common.saved') : t('category.created', { name: body.nameZh }));
      onSaved();
    } catch (e) {
      showServerError(e, message, form, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!state}
      title={editing ? t('category.editTitle', { name: editing.nameZh }) : t('category.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: saving, 'data-testid': 'category-submit' }}
      destroyOnHidden
      data-testid="category-modal"
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} style={{ marginTop: 16 }}>
        <Form.Item
          name="code"
          label={t('category.code')}
          extra={editing ? t('category.codeFixed') : t('category.codeRule')}
          rules={editing ? [] : [{ required: true, whitespace: true, message: t('category.codeRequired') }, zodRule(CreateCategoryRequest.shape.code, lang, t('category.codeRule'))]}
        >
          <Input maxLength={40} className="xs-mono" disabled={!!editing} data-testid="category-code" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('category.nameZh')} rules={[{ required: true, whitespace: true, min: 2, max: 40, message: t('category.nameZhRule') }]}>
          <Input maxLength={40} data-testid="category-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('category.nameEn')} rules={[{ required: true, whitespace: true, min: 2, max: 80, message: t('category.nameEnRule') }]}>
          <Input maxLength={80} data-testid="category-name-en" />
        </Form.Item>
        <Form.Item name="legal" label={t('category.legal')} valuePropName="checked" extra={t('category.legalHint')}>
          <Switch data-testid="category-legal" />
        </Form.Item>
        <Form.Item name="sort" label={t('category.sort')} extra={t('category.sortHint')} rules={[{ required: true, message: t('category.sortRequired') }]}>
          <InputNumber<number> min={0} max={9999} precision={0} style={{ width: 140 }} data-testid="category-sort" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 课程类别 (P12): the category list that courses are filed under; the legal ones count toward P2. */
export function CategoriesPage() {
  const { t } = useI18n();
  const { data, loading, error, reload } = useAsync((signal) => fetchCategories(signal), []);
  const [modal, setModal] = useState<{ category: CategoryView | null; nextSort: number } | null>(null);
  const items = [...(data?.items ?? [])].sort((a, b) => a.sort - b.sort);
  const nextSort = (items.at(-1)?.sort ?? 0) + 10;

  const columns: TableColumnsType<CategoryView> = [
    { title: t('category.sort'), dataIndex: 'sort', width: 80, align: 'right' },
    { title: t('category.code'), dataIndex: 'code', width: 170, render: (v: string) => <span className="xs-mono">{v}</span> },
    { title: t('category.nameZh'), dataIndex: 'nameZh', width: 180, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('category.nameEn'), dataIndex: 'nameEn', width: 240 },
    {
      title: t('category.legal'),
      dataIndex: 'legal',
      width: 150,
      render: (v: boolean) => (v ? <Tag color="gold">{t('category.legalTag')}</Tag> : <span style={{ color: '#bfbfbf' }}>{t('common.none')}</span>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => setModal({ category: c, nextSort })} data-testid={`category-edit-${c.code}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('menu.categories')} subtitle={t('category.subtitle')} />
      <Card>
        <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('category.legalExplain')}</Typography.Text>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ category: null, nextSort })} data-testid="category-create">
            {t('category.create')}
          </Button>
        </Flex>
        {error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} /> : null}
        <Table<CategoryView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={loading}
          pagination={false}
          scroll={{ x: 910 }}
          data-testid="categories-table"
          onRow={(c) => ({ 'data-testid': `category-row-${c.code}` }) as HTMLAttributes<HTMLElement>}
        />
      </Card>
      <CategoryModal
        state={modal}
        onClose={() => setModal(null)}
        onSaved={() => {
          setModal(null);
          invalidateCategories();
          reload();
        }}
      />
    </>
  );
}
