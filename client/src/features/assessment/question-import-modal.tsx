import { CloudUploadOutlined } from '@ant-design/icons';
import { QUESTION_COLUMNS, routes, type QuestionImportReport } from '@xueshi/shared';
import { Alert, Button, Flex, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { importQuestions } from '../../api/assessment';
import { useI18n } from '../../lib/i18n';
import { useFileImport } from '../../lib/use-file-import';
import { FileDrop } from '../users/import/file-drop';

const UPLOAD = routes.importQuestions.upload!;
const HEADER_OF = new Map<string, string>(QUESTION_COLUMNS.map((c) => [c.key, c.header]));
type RowReport = QuestionImportReport['rows'][number];

interface Props {
  courseId: string;
  open: boolean;
  onClose: () => void;
  onImported: (report: QuestionImportReport) => void;
}

/** 导入题目: an XLSX in the export's layout, all rows or none; a refused file's rows with their errors. */
export function QuestionImportModal({ courseId, open, onClose, onImported }: Props) {
  const { t } = useI18n();
  const { file, fileError, busy, report, pick, run: send } = useFileImport<QuestionImportReport>(UPLOAD, open, t('bank.importBadType'));
  const run = () =>
    send(
      (f) => importQuestions(courseId, f),
      (r) => {
        if (r.committed) onImported(r);
        return r.committed;
      },
    );

  const columns: TableColumnsType<RowReport> = [
    { title: t('import.row'), dataIndex: 'row', width: 80, align: 'right' },
    {
      title: t('import.errors'),
      key: 'errors',
      render: (_, r) => (
        <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }} data-testid={`bank-import-row-errors-${r.row}`}>
          {r.errors.map((e, i) => (
            <li key={i} data-field={e.field}>
              {HEADER_OF.has(e.field) && (
                <Tag variant="outlined" color="error" style={{ marginInlineEnd: 6 }}>
                  {HEADER_OF.get(e.field)}
                </Tag>
              )}
              <Typography.Text type="danger">{e.message}</Typography.Text>
            </li>
          ))}
        </ul>
      ),
    },
  ];

  return (
    <Modal
      open={open}
      title={t('bank.importTitle')}
      width={760}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('common.close')}
        </Button>,
        <Button key="run" type="primary" icon={<CloudUploadOutlined />} loading={busy} disabled={!file} onClick={run} data-testid="bank-import-run">
          {t('bank.importRun')}
        </Button>,
      ]}
    >
      <div data-testid="bank-import-modal">
        <Typography.Paragraph type="secondary">{t('bank.importIntro')}</Typography.Paragraph>
        <Flex wrap gap={6} style={{ marginBottom: 8 }}>
          {QUESTION_COLUMNS.map((c) => (
            <Tag key={c.key} color={['type', 'stem', 'answer'].includes(c.key) ? 'blue' : undefined} style={{ marginInlineEnd: 0 }}>
              {c.header}
            </Tag>
          ))}
        </Flex>
        <ul className="xs-rules" style={{ marginBottom: 12 }}>
          {QUESTION_COLUMNS.filter((c) => c.note).map((c) => (
            <li key={c.key}>
              <Typography.Text strong>{c.header}</Typography.Text>：{c.note}
            </li>
          ))}
          <li>{t('bank.importAllOrNothing')}</li>
        </ul>
        <FileDrop file={file} accept={UPLOAD.accept} onPick={pick} disabled={busy} />
        {fileError && <Alert type="error" showIcon title={fileError} style={{ marginTop: 12 }} data-testid="bank-import-error" />}
        {report && (
          <div style={{ marginTop: 16 }} data-testid="bank-import-report" data-committed={report.committed}>
            {report.committed ? (
              <Alert type="success" showIcon title={t('bank.imported', { n: report.imported })} data-testid="bank-import-summary" />
            ) : (
              <>
                <Alert
                  type="error"
                  showIcon
                  title={t('bank.importRejected', { bad: report.rows.length, total: report.total })}
                  style={{ marginBottom: 12 }}
                  data-testid="bank-import-summary"
                />
                <Table<RowReport>
                  rowKey="row"
                  size="small"
                  columns={columns}
                  dataSource={report.rows}
                  rowClassName="xs-row-rejected"
                  onRow={(r) => ({ 'data-testid': `bank-import-row-${r.row}` }) as HTMLAttributes<HTMLElement>}
                  pagination={report.rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                  data-testid="bank-import-rows"
                />
              </>
            )}
          </div>
        )}
      </div>
    </Modal>
  );
}
