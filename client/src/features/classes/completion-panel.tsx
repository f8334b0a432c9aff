import { DownloadOutlined, ReloadOutlined, TrophyOutlined } from '@ant-design/icons';
import type { ClassCompletion, ClassCompletionRow, ClassView } from '@xueshi/shared';
import { Alert, App, Button, Card, Col, Flex, Row, Skeleton, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { exportClassCompletion, fetchClass, fetchClassCompletion, finishClass } from '../../api/classes';
import { saveBlob } from '../../lib/download';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { score1 } from './class-rules';
import { days1 } from './class-status';

/** 结业: each trainee against completion (courses, attendance, assessment), the XLSX export, and closing the class. */
export function CompletionPanel({ cls, version, onChange }: { cls: ClassView; version: number; onChange: (c: ClassView) => void }) {
  const { t, label } = useI18n();
  const { message, modal } = App.useApp();
  const { data, error, loading, reload } = useAsync((signal) => fetchClassCompletion(cls.id, signal), [cls.id, version]);
  const [completion, setCompletion] = useState<ClassCompletion>();
  const [exporting, setExporting] = useState(false);
  const [finishing, setFinishing] = useState(false);
  useEffect(() => {
    if (data) setCompletion(data);
  }, [data]);

  if (!completion) {
    if (error && !loading) return <Alert type="error" showIcon title={errorMessage(error)} action={<Button onClick={reload}>{t('player.retry')}</Button>} />;
    return <Skeleton active paragraph={{ rows: 6 }} />;
  }
  const rows = completion.items;
  const completed = rows.filter((r) => r.completed).length;
  const finished = completion.status === 'finished' || cls.status === 'finished';
  const mayFinish = cls.myRole === 'admin' && cls.status === 'published';
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const { blob, filename } = await exportClassCompletion(cls.id);
      saveBlob(blob, filename);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const finish = () => {
    modal.confirm({
      title: t('ca.finishConfirmTitle', { title: cls.title }),
      width: 520,
      content: (
        <div data-testid="finish-confirm">
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('ca.finishConfirmLedger')}</Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('ca.finishConfirmReadOnly')}</Typography.Paragraph>
          <Typography.Paragraph strong style={{ marginBottom: 0 }}>
            {t('ca.finishConfirmCount', { done: completed, total: rows.length })}
          </Typography.Paragraph>
        </div>
      ),
      okText: t('ca.finish'),
      okButtonProps: { 'data-testid': 'finish-ok' },
      onOk: async () => {
        setFinishing(true);
        try {
          const after = await finishClass(cls.id);
          setCompletion(after);
          onChange(await fetchClass(cls.id));
          message.success(t('ca.finished', { title: cls.title }));
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          setFinishing(false);
        }
      },
    });
  };

  const columns: TableColumnsType<ClassCompletionRow> = [
    {
      title: t('ca.trainee'),
      dataIndex: 'name',
      width: 150,
      fixed: 'left',
      render: (name: string, r) => (
        <span style={{ display: 'inline-block', lineHeight: 1.35 }}>
          <Typography.Text strong>{name}</Typography.Text>
          {r.unitName && (
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12, maxWidth: 140 }}>
              {r.unitName}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('ca.compCourses'),
      key: 'courses',
      width: 120,
      align: 'right',
      render: (_, r) =>
        r.coursesRequired ? (
          <Typography.Text type={r.coursesDone < r.coursesRequired ? 'warning' : undefined} className="xs-mono" data-testid={`comp-courses-${r.userId}`}>
            {r.coursesDone} / {r.coursesRequired}
          </Typography.Text>
        ) : (
          none
        ),
    },
    {
      title: t('ca.compAttendance'),
      key: 'attendance',
      width: 110,
      align: 'right',
      render: (_, r) => (
        <Typography.Text type={r.attendedDays < r.offlineDays ? 'warning' : undefined} className="xs-mono" data-testid={`comp-days-${r.userId}`} data-days={r.attendedDays}>
          {days1(r.attendedDays)} / {days1(r.offlineDays)}
        </Typography.Text>
      ),
    },
    {
      title: t('ca.compLawHours'),
      dataIndex: 'ruleOfLawHours',
      width: 100,
      align: 'right',
      render: (h: number) => <span className="xs-mono">{days1(h)}</span>,
    },
    {
      title: t('ca.compAssessment'),
      key: 'assessment',
      width: 130,
      align: 'right',
      render: (_, r) =>
        r.assessmentTotal === null ? (
          <Typography.Text type="secondary" data-testid={`comp-assessment-${r.userId}`}>
            {t('ca.compNotScored')}
          </Typography.Text>
        ) : (
          <span data-testid={`comp-assessment-${r.userId}`} data-total={score1(r.assessmentTotal)}>
            <span className="xs-mono">{score1(r.assessmentTotal)}</span>{' '}
            {r.assessmentPassed !== null && (
              <Tag color={r.assessmentPassed ? 'success' : 'error'} style={{ marginInlineEnd: 0 }}>
                {t(r.assessmentPassed ? 'record.passed' : 'record.failed')}
              </Tag>
            )}
          </span>
        ),
    },
    {
      title: t('ca.compResult'),
      key: 'completed',
      width: 100,
      render: (_, r) => (
        <Tag color={r.completed ? 'success' : 'default'} data-testid={`comp-result-${r.userId}`} data-completed={String(r.completed)}>
          {t(r.completed ? 'ca.compDone' : 'ca.compNotDone')}
        </Tag>
      ),
    },
    {
      title: t('ca.compMissing'),
      key: 'missing',
      width: 260,
      render: (_, r) =>
        r.missing.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 16 }} data-testid={`comp-missing-${r.userId}`}>
            {r.missing.map((m, i) => (
              <li key={i}>
                <Typography.Text type="secondary">{label(m)}</Typography.Text>
              </li>
            ))}
          </ul>
        ) : (
          none
        ),
    },
  ];
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);

  return (
    <div data-testid="completion-panel" data-status={completion.status}>
      {finished && (
        <Alert type="success" showIcon title={t('ca.finishedNote')} style={{ marginBottom: 16 }} data-testid="completion-finished" />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[16, 12]}>
          <Col xs={12} md={6}>
            <Statistic title={t('ca.compTrainees')} value={rows.length} suffix={t('ca.personUnit')} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('ca.compCompleted')} value={completed} suffix={t('ca.personUnit')} data-testid="completion-done-count" data-value={completed} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('ca.compNotCompleted')} value={rows.length - completed} suffix={t('ca.personUnit')} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('ca.offlineDays')} value={days1(cls.totals.offlineDays)} suffix={t('ca.dayUnit')} />
          </Col>
        </Row>
      </Card>
      <Card
        title={t('ca.compTitle')}
        extra={
          <Flex gap={8} wrap>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={loading} data-testid="completion-refresh">
              {t('common.refresh')}
            </Button>
            {cls.myRole === 'admin' && (
              <Button icon={<DownloadOutlined />} onClick={exportXlsx} loading={exporting} data-testid="completion-export">
                {t('ca.compExport')}
              </Button>
            )}
            {mayFinish && (
              <Button type="primary" icon={<TrophyOutlined />} onClick={finish} loading={finishing} data-testid="class-finish">
                {t('ca.finish')}
              </Button>
            )}
          </Flex>
        }
      >
        {!finished && cls.myRole === 'admin' && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -4 }} data-testid="completion-intro">
            {t(cls.status === 'draft' ? 'ca.compIntroDraft' : 'ca.compIntro')}
          </Typography.Paragraph>
        )}
        <Table<ClassCompletionRow>
          rowKey="userId"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={loading}
          scroll={{ x: scrollX }}
          pagination={rows.length > 30 ? { pageSize: 30, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) } : false}
          onRow={(r) => ({ 'data-testid': `comp-row-${r.userId}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('ca.compEmpty') }}
          data-testid="completion-table"
        />
      </Card>
    </div>
  );
}
