import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { QUESTION_TYPES, type QuestionListResponse, type QuestionType, type QuestionView } from '@xueshi/shared';
import { Alert, App, Button, Card, Empty, Flex, Input, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { deleteQuestion, exportQuestions, fetchQuestions } from '../../api/assessment';
import { saveBlob } from '../../lib/download';
import { useI18n } from '../../lib/i18n';
import { errorMessage, showServerError } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { answerText, QUESTION_TYPE_COLORS, typeLabel } from './labels';
import { QuestionImportModal } from './question-import-modal';
import { QuestionModal } from './question-modal';

interface Filters {
  type?: QuestionType;
  tag?: string;
  q?: string;
}

/** 题库: the course's questions with filters, add / edit / delete, import and export as XLSX. */
export function QuestionBank({ courseId, onChanged }: { courseId: string; onChanged?: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message, modal } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<QuestionView | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const { data, error, loading, reload } = useAsync<QuestionListResponse>((signal) => fetchQuestions(courseId, filters, signal), [courseId, filters.type, filters.tag, filters.q]);

  const changed = () => {
    reload();
    onChanged?.();
  };

  const exportAll = async () => {
    setExporting(true);
    try {
      const { blob, filename } = await exportQuestions(courseId);
      saveBlob(blob, filename);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const remove = (q: QuestionView) =>
    modal.confirm({
      title: t('bank.deleteTitle'),
      content: t('bank.deleteConfirm', { stem: q.stem.length > 40 ? `${q.stem.slice(0, 40)}…` : q.stem }),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      onOk: async () => {
        try {
          await deleteQuestion(q.id);
          message.success(t('bank.deleted'));
          changed();
        } catch (e) {
          showServerError(e, message);
        }
      },
    });

  const total = Object.values(data?.counts ?? {}).reduce((s, n) => s + n, 0);
  const filtered = !!(filters.type || filters.tag || filters.q);

  const columns: TableColumnsType<QuestionView> = [
    { title: '#', key: 'i', width: 48, render: (_, __, i) => <span className="xs-mono">{i + 1}</span> },
    { title: t('bank.type'), dataIndex: 'type', width: 90, render: (v: QuestionType) => <Tag color={QUESTION_TYPE_COLORS[v]}>{typeLabel(i18n, v)}</Tag> },
    {
      title: t('bank.stem'),
      dataIndex: 'stem',
      render: (v: string, q) => (
        <Flex vertical gap={4}>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ margin: 0 }} data-testid="bank-stem">
            {v}
          </Typography.Paragraph>
          {q.options.length > 0 && (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 560 }}>
              {q.options.map((o) => `${o.key}. ${o.text}`).join('　')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('bank.answer'),
      key: 'answer',
      width: 110,
      render: (_, q) => (
        <Typography.Text strong style={{ color: '#237804' }} ellipsis={{ tooltip: answerText(i18n, q.type, q.answer) }}>
          {answerText(i18n, q.type, q.answer)}
        </Typography.Text>
      ),
    },
    {
      title: t('bank.tags'),
      dataIndex: 'tags',
      width: 140,
      render: (tags: string[]) =>
        tags.length ? (
          <Flex wrap gap={4}>
            {tags.map((x) => (
              <Tag key={x} style={{ marginInlineEnd: 0 }}>
                {x}
              </Tag>
            ))}
          </Flex>
        ) : (
          <span style={{ color: '#bfbfbf' }}>{t('common.none')}</span>
        ),
    },
    { title: t('bank.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => <span className="xs-mono" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{dayjs(v).format('YYYY-MM-DD HH:mm')}</span> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 96,
      fixed: 'right',
      render: (_, q) => (
        <Space size={0}>
          <Tooltip title={t('common.edit')}>
            <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setEditing(q)} data-testid="question-edit" />
          </Tooltip>
          <Tooltip title={t('common.delete')}>
            <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(q)} data-testid="question-delete" />
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={
        <Space size={8}>
          <span>{t('bank.title')}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }} data-testid="bank-total">
            {t('bank.totalN', { n: total })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space wrap>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="bank-import">
            {t('bank.import')}
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting} disabled={!total} onClick={exportAll} data-testid="bank-export">
            {t('bank.export')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="question-add">
            {t('bank.addQuestion')}
          </Button>
        </Space>
      }
      data-testid="question-bank"
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {QUESTION_TYPES.map((k) => (
          <Tag key={k} color={QUESTION_TYPE_COLORS[k]} variant="outlined" data-testid={`bank-count-${k}`}>
            {typeLabel(i18n, k)} {data?.counts[k] ?? 0}
          </Tag>
        ))}
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<QuestionType | ''>
          value={filters.type ?? ''}
          style={{ width: 140 }}
          onChange={(v) => setFilters((f) => ({ ...f, type: v || undefined }))}
          options={[{ value: '', label: t('bank.allTypes') }, ...QUESTION_TYPES.map((k) => ({ value: k, label: typeLabel(i18n, k) }))]}
          data-testid="bank-filter-type"
        />
        <Select<string>
          value={filters.tag ?? ''}
          style={{ width: 160 }}
          onChange={(v) => setFilters((f) => ({ ...f, tag: v || undefined }))}
          options={[{ value: '', label: t('bank.allTags') }, ...(data?.tags ?? []).map((x) => ({ value: x, label: x }))]}
          data-testid="bank-filter-tag"
        />
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            if (!e.target.value) setFilters((f) => ({ ...f, q: undefined }));
          }}
          onSearch={(v) => setFilters((f) => ({ ...f, q: v.trim() || undefined }))}
          placeholder={t('bank.searchPlaceholder')}
          style={{ width: 260 }}
          data-testid="bank-search"
        />
        {filtered && (
          <Button
            type="link"
            onClick={() => {
              setSearch('');
              setFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        )}
      </Flex>
      {error != null && !loading && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<QuestionView>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        onRow={(q) => ({ 'data-testid': `question-row-${q.id}`, 'data-type': q.type }) as HTMLAttributes<HTMLElement>}
        expandable={{
          rowExpandable: (q) => !!q.explanation || q.options.length > 0,
          expandedRowRender: (q) => (
            <Flex vertical gap={6} style={{ paddingInlineStart: 8 }}>
              {q.options.map((o) => (
                <Typography.Text key={o.key} type={q.answer.includes(o.key) ? 'success' : undefined} strong={q.answer.includes(o.key)}>
                  {o.key}. {o.text}
                </Typography.Text>
              ))}
              {q.explanation && (
                <Typography.Text type="secondary">
                  {t('attempt.explanation')}：{q.explanation}
                </Typography.Text>
              )}
            </Flex>
          ),
        }}
        pagination={(data?.items.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('bank.noMatch') : t('bank.empty')} />,
        }}
        scroll={{ x: 860 }}
        data-testid="bank-table"
      />
      <QuestionModal
        courseId={courseId}
        question={editing}
        tags={data?.tags ?? []}
        onClose={() => setEditing(undefined)}
        onSaved={(_, created) => {
          setEditing(undefined);
          message.success(created ? t('bank.added') : t('common.saved'));
          changed();
        }}
      />
      <QuestionImportModal
        courseId={courseId}
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(r) => {
          message.success(t('bank.imported', { n: r.imported }));
          changed();
        }}
      />
    </Card>
  );
}
