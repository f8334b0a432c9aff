import { CloudUploadOutlined } from '@ant-design/icons';
import { routes, type ClassView, type MembersImportReport } from '@xueshi/shared';
import { Alert, Button, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { fetchClass, importClassMembers } from '../../api/classes';
import { useI18n } from '../../lib/i18n';
import { useFileImport } from '../../lib/use-file-import';
import { FileDrop } from '../users/import/file-drop';

const UPLOAD = routes.importClassMembers.upload!;
type RowError = MembersImportReport['errors'][number];

interface Props {
  cls: ClassView;
  open: boolean;
  onClose: () => void;
  onImported: (c: ClassView) => void;
}

/** 导入名单: an XLSX with 人员编号 or 用户名 per row; a file with a bad row enrols nobody and names the rows. */
export function ImportMembersModal({ cls, open, onClose, onImported }: Props) {
  const { t, label } = useI18n();
  const { file, fileError, busy, report, pick, run: send } = useFileImport<MembersImportReport>(UPLOAD, open, t('ca.importBadType'));
  const run = () =>
    send(
      (f) => importClassMembers(cls.id, f),
      async (r) => {
        if (r.errors.length) return false;
        onImported(await fetchClass(cls.id));
        return true;
      },
    );

  const refused = !!report && report.errors.length > 0;
  const columns: TableColumnsType<RowError> = [
    { title: t('import.row'), dataIndex: 'row', width: 80, align: 'right' },
    {
      title: t('ca.importColumn'),
      dataIndex: 'field',
      width: 120,
      render: (f: string) => (f ? <Tag variant="outlined" color="error">{f}</Tag> : null),
    },
    { title: t('import.errors'), key: 'message', render: (_, r) => <Typography.Text type="danger">{label(r)}</Typography.Text> },
  ];

  return (
    <Modal
      open={open}
      title={t('ca.importTitle')}
      width={720}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose} data-testid="import-members-close">
          {t('common.close')}
        </Button>,
        <Button key="run" type="primary" icon={<CloudUploadOutlined />} loading={busy} disabled={!file} onClick={run} data-testid="import-members-run">
          {t('ca.importRun')}
        </Button>,
      ]}
    >
      <div data-testid="import-members-modal">
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('ca.importIntro')}
        </Typography.Paragraph>
        <ul className="xs-rules" style={{ marginBottom: 12 }}>
          <li>{t('ca.importRuleColumns')}</li>
          <li>{t('ca.importRuleWho')}</li>
          <li>
            <Typography.Text strong>{t('ca.importRuleAllOrNone')}</Typography.Text>
          </li>
        </ul>
        <FileDrop file={file} accept={UPLOAD.accept} onPick={pick} disabled={busy} hint={t('ca.importPickSub')} />
        {fileError && <Alert type="error" showIcon title={fileError} style={{ marginTop: 12 }} data-testid="import-members-error" />}
        {report && (
          <div style={{ marginTop: 16 }} data-testid="import-members-report" data-refused={String(refused)}>
            {refused ? (
              <>
                <Alert
                  type="error"
                  showIcon
                  title={<span data-testid="import-members-summary">{t('ca.importRefused', { n: new Set(report.errors.map((e) => e.row)).size })}</span>}
                  description={t('ca.importRefusedHint')}
                  style={{ marginBottom: 12 }}
                />
                <Table<RowError>
                  rowKey={(r) => `${r.row}-${r.field}-${r.zh}`}
                  size="small"
                  columns={columns}
                  dataSource={report.errors}
                  rowClassName="xs-row-rejected"
                  onRow={(r) => ({ 'data-testid': `import-members-row-${r.row}` }) as HTMLAttributes<HTMLElement>}
                  pagination={report.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                  data-testid="import-members-rows"
                />
              </>
            ) : (
              <Alert
                type="success"
                showIcon
                title={<span data-testid="import-members-summary">{t('ca.importDone', { n: report.added })}</span>}
                description={report.alreadyMembers ? t('ca.importAlready', { n: report.alreadyMembers }) : undefined}
              />
            )}
          </div>
        )}
      </div>
    </Modal>
  );
}
