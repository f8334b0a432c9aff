import { ClusterOutlined } from '@ant-design/icons';
import { App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { queueBoardTicket } from '../../api/queue-board';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n';
import { showServerError } from '../../lib/server-errors';

/**
 * 任务队列: the BullMQ dashboard (bull-board) is a server page that cannot carry our bearer token,
 * so the button asks for a one-time ticket and opens its link, which sets the board's own cookie.
 */
export function QueueBoardPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const { url } = await queueBoardTicket();
      window.location.assign(url);
    } catch (e) {
      showServerError(e, message);
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title={t('menu.queues')} subtitle={t('queues.subtitle')} />
      <Card>
        <Typography.Paragraph>{t('queues.intro')}</Typography.Paragraph>
        <Button type="primary" icon={<ClusterOutlined />} loading={busy} onClick={open} data-testid="open-queue-board">
          {t('queues.open')}
        </Button>
      </Card>
    </>
  );
}
