import { CheckCircleOutlined, CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { IMPORT_COLUMNS, routes, type ImportReport } from '@xueshi/shared';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Radio, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/http';
import { downloadImportTemplate, importUsers } from '../../../api/users';
import { PageHeader } from '../../../components/page-header';
import { saveBlob } from '../../../lib/download';
import { useI18n } from '../../../lib/i18n';
import { errorMessage } from '../../../lib/server-errors';
import { FileDrop } from './file-drop';
import { ImportReportView } from './import-report';

type Mode = 'allOrNothing' | 'goodRows';
const UPLOAD = routes.importUsers.upload!;

/** 批量导入: officials from an XLSX or CSV file, checked first, with a report per row. */
export function ImportPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('allOrNothing');
  const [busy, setBusy] = useState<'dry' | 'run' | 'template' | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const pick = (f: File | null) => {
    setReport(null);
    setFileError(null);
    if (!f) return setFile(null);
    const ext = f.name.toLowerCase().slice(f.name.lastIndexOf('.'));
    if (!UPLOAD.accept.includes(ext)) {
      setFile(null);
      return setFileError(t('import.badType'));
    }
    if (f.size > UPLOAD.maxBytes) {
      setFile(null);
      return setFileError(t('import.tooLarge'));
    }
    setFile(f);
  };

  const template = async () => {
    setBusy('template');
    try {
      const { blob, filename } = await downloadImportTemplate();
      saveBlob(blob, filename);
    } catch (e) {
      message.error(t('error.field', { field: t('import.templateFailed'), message: errorMessage(e) }));
    } finally {
      setBusy(null);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file) return setFileError(t('import.noFile'));
    setBusy(dryRun ? 'dry' : 'run');
    setFileError(null);
    try {
      const r = await importUsers(file, { mode, dryRun: dryRun ? 'true' : 'false' });
      setReport(r);
      // a committed file must not be sent twice by accident
      if (r.committed) setFile(null);
    } catch (e) {
      setReport(null);
      if (e instanceof ApiError && e.field === 'file') setFileError(e.message);
      else message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const confirmRun = () => {
    if (mode === 'goodRows') {
      modal.confirm({ title: t('import.run'), content: t('import.confirmGood'), okButtonProps: { 'data-testid': 'confirm-ok' }, onOk: () => run(false) });
    } else void run(false);
  };

  return (
    <>
      <PageHeader
        title={t('import.title')}
        subtitle={t('import.intro')}
        extra={
          <Button icon={<DownloadOutlined />} loading={busy === 'template'} onClick={template} data-testid="import-template">
            {t('import.template')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('import.file')} style={{ height: '100%' }}>
            <FileDrop file={file} accept={UPLOAD.accept} onPick={pick} disabled={busy !== null} />
            {fileError && <Alert type="error" showIcon title={fileError} style={{ marginTop: 12 }} data-testid="import-file-error" />}
            <div style={{ marginTop: 16 }}>
              <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
                {t('import.mode')}
              </Typography.Text>
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Mode)} data-testid="import-mode">
                <Space orientation="vertical">
                  <Radio value="allOrNothing" data-testid="import-mode-all">
                    {t('import.modeAll')}
                  </Radio>
                  <Radio value="goodRows" data-testid="import-mode-good">
                    {t('import.modeGood')}
                  </Radio>
                </Space>
              </Radio.Group>
            </div>
            <Flex gap={8} wrap style={{ marginTop: 20 }}>
              <Button icon={<CheckCircleOutlined />} loading={busy === 'dry'} disabled={!file || (busy !== null && busy !== 'dry')} onClick={() => run(true)} data-testid="import-dry-run">
                {t('import.dryRun')}
              </Button>
              <Button type="primary" icon={<CloudUploadOutlined />} loading={busy === 'run'} disabled={!file || (busy !== null && busy !== 'run')} onClick={confirmRun} data-testid="import-run">
                {t('import.run')}
              </Button>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('import.columns')} style={{ height: '100%' }}>
            <Flex wrap gap={8}>
              {IMPORT_COLUMNS.map((c) => (
                <Tag key={c.key} color={c.required ? 'blue' : undefined} style={{ fontSize: 13, padding: '2px 8px', marginInlineEnd: 0 }}>
                  {c.header}
                  {c.required ? <span style={{ color: '#b3261e' }}> *</span> : null}
                </Tag>
              ))}
            </Flex>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 13 }}>
              <span style={{ color: '#b3261e' }}>*</span> {t('import.required')}
            </Typography.Paragraph>
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'unit', label: '单位编码', children: t('import.hintUnitCode') },
                { key: 'username', label: '用户名', children: t('import.hintUsername') },
                { key: 'rank', label: '职级', children: t('import.hintRank') },
                { key: 'flags', label: '执法岗位 / 双基', children: t('import.hintFlags') },
                { key: 'date', label: '入职日期', children: t('import.hintDate') },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>
              {t('import.hintExample')}
            </Typography.Paragraph>
          </Card>
        </Col>
        {report && (
          <Col xs={24}>
            <ImportReportView report={report} />
          </Col>
        )}
      </Row>
    </>
  );
}
