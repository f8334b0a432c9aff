import { drawAttempt, drawable, foldAnswer, grade, isCorrect, type BankQuestion } from './grading';

const bank: BankQuestion[] = [
  { id: 's1', type: 'single', stem: '单选一', options: [{ key: 'A', text: '甲' }, { key: 'B', text: '乙' }, { key: 'C', text: '丙' }], answer: ['B'], explanation: '', tags: ['法治'] },
  { id: 'm1', type: 'multiple', stem: '多选一', options: [{ key: 'A', text: '甲' }, { key: 'B', text: '乙' }, { key: 'C', text: '丙' }, { key: 'D', text: '丁' }], answer: ['A', 'C'], explanation: '', tags: ['法治'] },
  { id: 't1', type: 'true_false', stem: '判断一', options: [], answer: ['true'], explanation: '', tags: [] },
  { id: 'f1', type: 'fill', stem: '填空一', options: [], answer: ['一网通办', 'Yi Wang Tong Ban'], explanation: '', tags: ['政务'] },
];

describe('grading', () => {
  it('folds fill-in answers: full-width to half-width, spaces, case', () => {
    expect(foldAnswer('　ＡＢＣ１２３　')).toBe('abc123');
    expect(foldAnswer('Yi  Wang\tTong Ban ')).toBe('yi wang tong ban');
    expect(isCorrect('fill', ['一网通办', 'Yi Wang Tong Ban'], ['ｙｉ ｗａｎｇ　ｔｏｎｇ ｂａｎ'])).toBe(true);
    expect(isCorrect('fill', ['一网通办'], [' 一网通办 '])).toBe(true);
    expect(isCorrect('fill', ['一网通办'], ['一网通'])).toBe(false);
  });

  it('grades every type: single, multiple (exact set), true/false, empty answers wrong', () => {
    expect(isCorrect('single', ['B'], ['B'])).toBe(true);
    expect(isCorrect('single', ['B'], ['B', 'C'])).toBe(false);
    expect(isCorrect('multiple', ['A', 'C'], ['C', 'A'])).toBe(true);
    expect(isCorrect('multiple', ['A', 'C'], ['A'])).toBe(false);
    expect(isCorrect('multiple', ['A', 'C'], ['A', 'C', 'D'])).toBe(false);
    expect(isCorrect('true_false', ['false'], ['false'])).toBe(true);
    expect(isCorrect('true_false', ['false'], ['true'])).toBe(false);
    expect(isCorrect('single', ['B'], [])).toBe(false);
    expect(isCorrect('single', ['B'], undefined)).toBe(false);
  });

  it('scores as a percentage against the pass mark', () => {
    const drawn = drawAttempt(bank, [{ count: 4 }], () => 0.3);
    const right = Object.fromEntries(drawn.map((q) => [q.id, q.type === 'fill' ? [q.answer[1]] : q.answer]));
    expect(grade(drawn, right, 60)).toMatchObject({ correctCount: 4, score: 100, passed: true });
    const three = { ...right, [drawn[0].id]: ['nonsense'] };
    expect(grade(drawn, three, 75)).toMatchObject({ correctCount: 3, score: 75, passed: true });
    expect(grade(drawn, three, 76)).toMatchObject({ score: 75, passed: false });
    expect(grade(drawn, {}, 0)).toMatchObject({ correctCount: 0, score: 0, passed: true });
  });

  it('draws by type and tag, without repeats, and re-letters shuffled options with the answer', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 50; i++) {
      const drawn = drawAttempt(bank, [{ tag: '法治', count: 2 }, { type: 'fill', count: 1 }], rnd);
      expect(drawn.map((q) => q.id).sort()).toEqual(['f1', 'm1', 's1']);
      const s = drawn.find((q) => q.id === 's1')!;
      // the text behind the new letter is still 乙
      expect(s.options.find((o) => o.key === s.answer[0])!.text).toBe('乙');
      expect(s.options.map((o) => o.key)).toEqual(['A', 'B', 'C']);
      const m = drawn.find((q) => q.id === 'm1')!;
      expect(m.answer.map((k) => m.options.find((o) => o.key === k)!.text).sort()).toEqual(['丙', '甲'].sort());
    }
    expect(() => drawAttempt(bank, [{ type: 'fill', count: 2 }])).toThrow(/too small/);
    expect(drawable(bank, [{ type: 'single', count: 1 }, { tag: '法治', count: 1 }])).toBe(true);
    expect(drawable(bank, [{ tag: '法治', count: 2 }, { type: 'single', count: 1 }])).toBe(false);
  });

  it('a broad rule never starves a narrower one, in any order of the rules (every random draw succeeds when drawable says so)', () => {
    const small: BankQuestion[] = [bank[0], bank[3]]; // one single choice, one fill-in
    for (const rules of [[{ count: 1 }, { type: 'single' as const, count: 1 }], [{ type: 'single' as const, count: 1 }, { count: 1 }]]) {
      expect(drawable(small, rules)).toBe(true);
      for (let i = 0; i < 200; i++) expect(drawAttempt(small, rules).map((q) => q.id).sort()).toEqual(['f1', 's1']);
    }
    // a broad tag rule and a type rule sharing a question
    const rules = [{ tag: '法治', count: 1 }, { type: 'multiple' as const, count: 1 }];
    expect(drawable(bank, rules)).toBe(true);
    for (let i = 0; i < 200; i++) expect(drawAttempt(bank, rules).map((q) => q.id).sort()).toEqual(['m1', 's1']);
  });
});
