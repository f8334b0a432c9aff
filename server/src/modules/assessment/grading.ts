import type { DrawRule, QuestionType } from '@xueshi/shared';
import type { DrawnQuestion } from './quiz-attempt.entity';

/**
 * A fill-in answer as compared: full-width folded to half-width (ＡＢＣ１２３ → ABC123, the
 * ideographic space too), whitespace trimmed and collapsed, case-insensitive.
 */
export function foldAnswer(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\u3000/g, ' ')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Whether one answer is right. `given` and `answer` are in the same lettering. */
export function isCorrect(type: QuestionType | string, answer: string[], given: string[] | undefined): boolean {
  if (!given || !given.length) return false;
  switch (type) {
    case 'single':
    case 'true_false':
      return given.length === 1 && given[0] === answer[0];
    case 'multiple': {
      const a = new Set(answer);
      const g = new Set(given);
      return a.size === g.size && [...a].every((k) => g.has(k));
    }
    case 'fill': {
      const accepted = new Set(answer.map(foldAnswer));
      return given.length === 1 && accepted.has(foldAnswer(given[0]));
    }
    default:
      return false;
  }
}

export interface Grade {
  correctCount: number;
  score: number;
  passed: boolean;
  results: Record<string, boolean>;
}

/** Every question weighs the same; the score is a percentage with two decimals. */
export function grade(questions: DrawnQuestion[], answers: Record<string, string[]>, passScore: number): Grade {
  const results: Record<string, boolean> = {};
  let correctCount = 0;
  for (const q of questions) {
    const ok = isCorrect(q.type, q.answer, answers[q.id]);
    results[q.id] = ok;
    if (ok) correctCount++;
  }
  const score = questions.length ? Math.round((correctCount / questions.length) * 10000) / 100 : 0;
  return { correctCount, score, passed: score >= passScore, results };
}

export interface BankQuestion {
  id: string;
  type: string;
  stem: string;
  options: { key: string; text: string }[];
  answer: string[];
  explanation: string;
  tags: string[];
}

const LETTERS = 'ABCDEFGH';

function shuffle<T>(list: T[], rnd: () => number): T[] {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const matches = (q: Pick<BankQuestion, 'type' | 'tags'>, r: DrawRule) => (!r.type || q.type === r.type) && (!r.tag || q.tags.includes(r.tag));
const specificity = (r: DrawRule) => (r.type ? 1 : 0) + (r.tag ? 1 : 0);

/**
 * Which questions each rule takes: the most specific rules first, and each rule prefers questions
 * no later rule could use — so that a rule "any 3" after "1 single choice" never starves it.
 * `order` arranges each rule's candidates (random for an attempt, fixed for the check).
 */
function assign<Q extends Pick<BankQuestion, 'id' | 'type' | 'tags'>>(bank: Q[], rules: DrawRule[], order: (list: Q[]) => Q[]): Q[] | null {
  const sorted = rules.map((r, i) => ({ r, i })).sort((x, y) => specificity(y.r) - specificity(x.r) || x.i - y.i).map((x) => x.r);
  const used = new Set<string>();
  const picked: Q[] = [];
  sorted.forEach((r, k) => {
    const later = sorted.slice(k + 1);
    const pool = order(bank.filter((q) => !used.has(q.id) && matches(q, r)));
    const free = pool.filter((q) => !later.some((l) => matches(q, l)));
    const shared = pool.filter((q) => later.some((l) => matches(q, l)));
    for (const q of [...free, ...shared].slice(0, r.count)) {
      used.add(q.id);
      picked.push(q);
    }
  });
  return picked.length === rules.reduce((n, r) => n + r.count, 0) ? picked : null;
}

/**
 * Draw an attempt: for each rule, `count` questions of its type and tag not drawn by another
 * rule; the questions and each question's options shuffled, options re-lettered A, B, … in the
 * new order with the answer translated. Throws BankTooSmall when the bank cannot serve the rules.
 */
export function drawAttempt(bank: BankQuestion[], rules: DrawRule[], rnd: () => number = Math.random): DrawnQuestion[] {
  const picked = assign(bank, rules, (l) => shuffle(l, rnd));
  if (!picked) throw new BankTooSmall();
  return shuffle(picked, rnd).map((q) => {
    if (q.type !== 'single' && q.type !== 'multiple') {
      return { id: q.id, type: q.type, stem: q.stem, options: [], answer: q.answer, explanation: q.explanation };
    }
    const order = shuffle(q.options, rnd);
    const letterOf = new Map(order.map((o, i) => [o.key, LETTERS[i]]));
    return {
      id: q.id,
      type: q.type,
      stem: q.stem,
      options: order.map((o, i) => ({ key: LETTERS[i], text: o.text })),
      answer: q.answer.map((k) => letterOf.get(k)!).sort(),
      explanation: q.explanation,
    };
  });
}

export class BankTooSmall extends Error {
  constructor() {
    super('the question bank is too small for the draw rules');
  }
}

/**
 * Whether the bank serves the rules, by the same assignment a draw makes (narrow rules first,
 * each preferring questions no later rule needs): for the usual shapes — a broad rule beside
 * narrower ones — every random draw then succeeds; one that still cannot be served is refused
 * with a clear 409, never half-drawn.
 */
export function drawable(bank: Pick<BankQuestion, 'id' | 'type' | 'tags'>[], rules: DrawRule[]): boolean {
  return assign(bank, rules, (l) => l) !== null;
}
