import { ASSESSMENT_POINT_LABELS, ASSESSMENT_POINTS, type AssessmentRecord, type ClassView } from '@xueshi/shared';
import { App, Col, Descriptions, Form, Input, InputNumber, Modal, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { scoreTrainee } from '../../api/classes';
import { useI18n } from '../../lib/i18n';
import { showServerError } from '../../lib/server-errors';
import { peerMean, score1, type Point } from './class-rules';

type Values = Record<Point, number> & { comment: string };

/** 评分: the instructor's four 0–100 scores of one trainee and a comment; scoring again replaces them. */
export function ScoreModal({ cls, record, onClose, onSaved }: { cls: ClassView; record: AssessmentRecord | null; onClose: () => void; onSaved: (r: AssessmentRecord) => void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!record) return;
    form.resetFields();
    if (record.instructor) form.setFieldsValue(record.instructor);
  }, [record]);

  const save = async (v: Values) => {
    if (!record) return;
    setSaving(true);
    try {
      const saved = await scoreTrainee(cls.id, record.userId, {
        attitude: v.attitude,
        participation: v.participation,
        interaction: v.interaction,
        results: v.results,
        comment: (v.comment ?? '').trim(),
      });
      message.success(t('score.saved', { name: record.name }));
      onSaved(saved);
    } catch (e) {
      showServerError(e, message, form, [...ASSESSMENT_POINTS, 'comment']);
    } finally {
      setSaving(false);
    }
  };

  const none = t('common.none');
  return (
    <Modal
      open={!!record}
      title={record ? t('score.title', { name: record.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: saving, 'data-testid': 'score-submit' }}
      width={620}
      forceRender
      data-testid="score-modal"
    >
      {record && (
        <Descriptions
          size="small"
          column={3}
          style={{ margin: '12px 0 4px' }}
          items={[
            { key: 'journal', label: t('records.journal'), children: t('record.journalN', { n: record.journalEntries }) },
            {
              key: 'peer',
              label: t('records.peer'),
              children: record.peer ? t('score.refPeer', { avg: score1(peerMean(record.peer)), n: record.peer.raters }) : none,
            },
            ...(cls.examQuizId ? [{ key: 'exam', label: t('records.exam'), children: record.exam ? score1(record.exam.score) : none }] : []),
          ]}
        />
      )}
      <Typography.Paragraph type="secondary">{t('score.intro')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={save} disabled={saving} data-testid="score-form">
        <Row gutter={16}>
          {ASSESSMENT_POINTS.map((p) => (
            <Col span={12} key={p}>
              <Form.Item name={p} label={label(ASSESSMENT_POINT_LABELS[p])} rules={[{ required: true, message: t('score.required') }]}>
                <InputNumber min={0} max={100} step={1} suffix={t('class.pointsUnit')} placeholder="0–100" style={{ width: '100%' }} data-testid={`score-${p}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="comment" label={t('score.comment')}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('score.commentPlaceholder')} data-testid="score-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
