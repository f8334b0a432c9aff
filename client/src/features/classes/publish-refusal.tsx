import { ClassProblem } from '@xueshi/shared';
import { Alert, Flex, Tag } from 'antd';
import { ApiError } from '../../api/http';
import { useI18n } from '../../lib/i18n';

/** A publish the server refused: its message, and the rules it named when it sent them. */
export interface Refusal {
  message: string;
  problems: ClassProblem[];
}

/** The refusal in a 409 answer to publishClass (null for any other error). */
export function refusalOf(e: unknown): Refusal | null {
  if (!(e instanceof ApiError) || e.status !== 409) return null;
  const d = e.details as { problems?: unknown } | unknown[] | undefined;
  const list: unknown[] = Array.isArray(d) ? d : Array.isArray(d?.problems) ? d.problems : [];
  const problems = list.flatMap((p) => {
    const r = ClassProblem.safeParse(p);
    return r.success ? [r.data] : [];
  });
  return { message: e.message, problems };
}

/** 未能发布: shown under the class header until the rules are met or it is closed. */
export function PublishRefusal({ refusal, onClose }: { refusal: Refusal; onClose: () => void }) {
  const { t, label } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      style={{ marginTop: 12 }}
      data-testid="publish-refused"
      title={t('ca.publishRefused')}
      description={
        <div>
          {/* the server's message names the same rules: shown only when they did not come as a list */}
          {refusal.problems.length === 0 && <div data-testid="publish-refused-message">{refusal.message}</div>}
          {refusal.problems.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
              {refusal.problems.map((p, i) => (
                <li key={i} data-testid="publish-refused-rule" data-rule={p.rule}>
                  <Flex gap={8} align="baseline">
                    <Tag color="error" variant="outlined" style={{ marginInlineEnd: 0 }}>
                      {p.rule}
                    </Tag>
                    {label(p)}
                  </Flex>
                </li>
              ))}
            </ul>
          )}
          <div style={{ marginTop: 6 }}>{t('ca.publishRefusedHint')}</div>
        </div>
      }
    />
  );
}
