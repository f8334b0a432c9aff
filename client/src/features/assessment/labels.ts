import { QUESTION_TYPE_LABELS, type DrawRule, type QuestionType, type RevealPolicy } from '@xueshi/shared';
import type { I18n, MessageKey } from '../../lib/i18n';

export const QUESTION_TYPE_COLORS: Record<QuestionType, string> = { single: 'blue', multiple: 'purple', true_false: 'cyan', fill: 'gold' };

/** 答案公布: when answers and explanations are shown to the official */
export const REVEAL_LABELS: Record<RevealPolicy, MessageKey> = {
  after_submit: 'quiz.revealAfterSubmit',
  after_pass: 'quiz.revealAfterPass',
  after_final: 'quiz.revealAfterFinal',
  never: 'quiz.revealNever',
};

/** what the result page says while the answers are not shown yet */
export const REVEAL_PENDING: Record<RevealPolicy, MessageKey> = {
  after_submit: 'attempt.revealSoon',
  after_pass: 'attempt.revealAfterPass',
  after_final: 'attempt.revealAfterFinal',
  never: 'attempt.revealNever',
};

export const typeLabel = (i18n: Pick<I18n, 'label'>, type: QuestionType) => i18n.label(QUESTION_TYPE_LABELS[type]);

/** "单选题 2 题 · 标签「法规」1 题": a quiz's draw rules in words. */
export function drawText(i18n: Pick<I18n, 'label' | 't'>, draw: DrawRule[]): string {
  return draw
    .map((r) => {
      const what = [r.type ? typeLabel(i18n, r.type) : null, r.tag ? i18n.t('quiz.tagged', { tag: r.tag }) : null].filter(Boolean).join(' ');
      return i18n.t('quiz.drawItem', { what: what || i18n.t('quiz.anyQuestion'), n: r.count });
    })
    .join(' · ');
}

/** A question's answer in words: letters, 对/错, or the accepted blanks. */
export function answerText(i18n: Pick<I18n, 't'>, type: QuestionType, answer: readonly string[]): string {
  if (!answer.length) return i18n.t('attempt.noAnswer');
  if (type === 'true_false') return answer[0] === 'true' ? i18n.t('attempt.true') : i18n.t('attempt.false');
  if (type === 'fill') return answer.join(' | ');
  return [...answer].sort().join('');
}
