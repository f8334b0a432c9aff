import { describe, expect, it } from '@jest/globals';
import { DocumentClock, shownFromCoverage } from './document-clock';

/** A clock on a hand-moved time, with the window in front unless told otherwise. */
function setup(o: { pages?: number; s?: number; coverage?: [number, number][] } = {}) {
  let ms = 1000;
  let front = true;
  const events: string[] = [];
  const clock = new DocumentClock({
    pageCount: o.pages ?? 3,
    secondsPerPage: o.s ?? 10,
    coverage: o.coverage,
    now: () => ms,
    inFront: () => front,
    tickMs: 0,
  });
  for (const e of ['timeupdate', 'seeking', 'seeked', 'pause', 'play', 'ended']) clock.addEventListener(e, () => events.push(e));
  /** let `seconds` pass in ticks of 250 ms */
  const run = (seconds: number) => {
    for (let i = 0; i < Math.round(seconds * 4); i++) {
      ms += 250;
      clock.update();
    }
  };
  return {
    clock,
    events,
    run,
    setFront: (f: boolean) => {
      front = f;
      clock.update(true);
    },
    jump: (seconds: number) => {
      ms += seconds * 1000;
    },
  };
}

describe('DocumentClock: a document read like playback at 1×', () => {
  it('counts nothing until the page is rendered and the clock plays, then up to secondsPerPage and no further', () => {
    const { clock, run, events } = setup();
    run(3);
    expect(clock.currentTime).toBe(0);
    clock.setReady(true);
    run(3);
    expect(clock.currentTime).toBe(0);
    void clock.play();
    run(4);
    expect(clock.currentTime).toBeCloseTo(4, 6);
    run(20);
    expect(clock.currentTime).toBe(10);
    expect(clock.getSnapshot().shown).toEqual([10, 0, 0]);
    expect(clock.getSnapshot().counting).toBe(false);
    expect(events).not.toContain('ended');
    expect(clock.playbackRate).toBe(1);
  });

  it('reading in order is continuous; turning elsewhere is a seek', () => {
    const { clock, run, events } = setup();
    void clock.play();
    clock.setReady(true);
    run(10);
    events.length = 0;
    clock.goTo(2);
    // page 1 full at 10, page 2 opens at 10: no seek
    expect(clock.currentTime).toBe(10);
    expect(events).not.toContain('seeking');
    clock.setReady(true, 2);
    run(2);
    expect(clock.currentTime).toBeCloseTo(12, 6);
    events.length = 0;
    clock.goTo(1);
    expect(events).toEqual(['timeupdate', 'seeking', 'seeked']);
    expect(clock.currentTime).toBe(10);
    // a page not yet rendered counts nothing
    run(2);
    expect(clock.currentTime).toBe(10);
    clock.goTo(2);
    expect(clock.currentTime).toBeCloseTo(12, 6);
    expect(clock.page).toBe(2);
    expect(clock.getSnapshot().ready).toBe(false);
  });

  it('the window out of front or paused: no time is added; a stalled timer adds at most one second', () => {
    const { clock, run, setFront, jump } = setup();
    void clock.play();
    clock.setReady(true);
    run(2);
    setFront(false);
    run(5);
    expect(clock.currentTime).toBeCloseTo(2, 6);
    expect(clock.getSnapshot().inFront).toBe(false);
    setFront(true);
    run(1);
    expect(clock.currentTime).toBeCloseTo(3, 6);
    clock.pause();
    run(3);
    expect(clock.currentTime).toBeCloseTo(3, 6);
    expect(clock.paused).toBe(true);
    void clock.play();
    // a machine asleep for a minute (the timer did not run): one capped step
    jump(60);
    clock.update();
    expect(clock.currentTime).toBeCloseTo(4, 6);
  });

  it('fires ended once, when the last page fills, whatever the order', () => {
    const { clock, run, events } = setup({ pages: 2, s: 2 });
    void clock.play();
    clock.goTo(2);
    clock.setReady(true, 2);
    run(3);
    clock.goTo(1);
    clock.setReady(true, 1);
    expect(clock.ended).toBe(false);
    run(3);
    expect(clock.ended).toBe(true);
    expect(events.filter((e) => e === 'ended')).toHaveLength(1);
    expect(clock.getSnapshot().done).toBe(2);
  });

  it('starts from earlier coverage at the first page not complete', () => {
    const { clock } = setup({ pages: 4, s: 10, coverage: [[0, 10], [10, 19.9], [25, 30]] });
    // page 2 lacks only 0.1 s of 10: complete; page 3 has 5 s
    expect(clock.getSnapshot().shown).toEqual([10, 10, 5, 0]);
    expect(clock.page).toBe(3);
    expect(clock.currentTime).toBe(25);
  });

  it('shownFromCoverage merges overlaps and splits intervals across pages', () => {
    expect(shownFromCoverage([[5, 15], [8, 12], [29, 40]], 3, 10)).toEqual([5, 5, 1]);
    expect(shownFromCoverage([], 2, 30)).toEqual([0, 0]);
  });
});
