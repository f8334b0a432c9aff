import { assessmentRecord } from './assessment-record';

const base = {
  userId: '00000000-0000-4000-8000-000000000001',
  name: '李明',
  weights: { instructor: 40, peer: 20, exam: 40 },
  hasExam: true,
  passScore: 60,
  journalEntries: 3,
};
const instructor = { attitude: 90, participation: 80, interaction: 70, results: 60, comment: '' };
const peer = { attitude: 5, participation: 4, interaction: 4, results: 3, raters: 6 };

describe('P10 assessment record', () => {
  it('weights the instructor, the classmates (×20) and the exam into four scores and a total', () => {
    const r = assessmentRecord({ ...base, instructor, peer, exam: { score: 50, passed: false } });
    // attitude: (40·90 + 20·100) / 60 = 93.3; results: (40·60 + 20·60 + 40·50) / 100 = 56
    expect(r.scores).toEqual({ attitude: 93.3, participation: 80, interaction: 73.3, results: 56 });
    // instructor 75, peer 80, exam 50: (40·75 + 20·80 + 40·50) / 100 = 66
    expect(r.total).toBe(66);
    expect(r.passed).toBe(true);
    expect(r.missing).toEqual([]);
  });

  it('fails by the smallest step below the pass mark', () => {
    const r = assessmentRecord({ ...base, passScore: 66.1 as number, instructor, peer, exam: { score: 50, passed: false } });
    expect(r.passed).toBe(false);
  });

  it('names what is missing and leaves the total open', () => {
    const r = assessmentRecord({ ...base, instructor, peer: null, exam: null });
    expect(r).toMatchObject({ total: null, passed: null, scores: null, missing: ['peer', 'exam'] });
  });

  it('a class without an exam spreads the total over the other parts', () => {
    const r = assessmentRecord({ ...base, hasExam: false, instructor, peer, exam: null });
    // (40·75 + 20·80) / 60 = 76.7
    expect(r.total).toBe(76.7);
    expect(r.missing).toEqual([]);
  });
});
