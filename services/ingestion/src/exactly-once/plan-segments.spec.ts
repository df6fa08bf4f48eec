import { planSegments } from './plan-segments';

describe('planSegments', () => {
  const offsets = ['10', '11', '13', '14', '15'];

  it('inserts a batch with nothing recorded at its start as one new range', () => {
    expect(planSegments(offsets, undefined)).toEqual({ segments: [{ range: { first: '10', last: '15' }, from: 0, to: 5, replay: false }], recut: false });
  });

  it('replays the recorded range at the start as it was, then the rest as a new range', () => {
    expect(planSegments(offsets, { first: '10', last: '13' })).toEqual({
      segments: [
        { range: { first: '10', last: '13' }, from: 0, to: 3, replay: true },
        { range: { first: '14', last: '15' }, from: 3, to: 5, replay: false },
      ],
      recut: false,
    });
  });

  it('replays a recorded range that covers the whole batch', () => {
    expect(planSegments(offsets, { first: '10', last: '15' }).segments).toEqual([{ range: { first: '10', last: '15' }, from: 0, to: 5, replay: true }]);
  });

  it('keeps the recorded range when its last offset is a gap in the batch (compacted or skipped record)', () => {
    expect(planSegments(offsets, { first: '10', last: '12' }).segments).toEqual([
      { range: { first: '10', last: '12' }, from: 0, to: 2, replay: true },
      { range: { first: '13', last: '15' }, from: 2, to: 5, replay: false },
    ]);
  });

  it('flags a recorded range reaching past the batch and inserts the batch as a new range', () => {
    expect(planSegments(offsets, { first: '10', last: '99' })).toEqual({ segments: [{ range: { first: '10', last: '15' }, from: 0, to: 5, replay: false }], recut: true });
  });

  it('ignores a range recorded at another offset', () => {
    expect(planSegments(offsets, { first: '9', last: '12' }).segments).toEqual([{ range: { first: '10', last: '15' }, from: 0, to: 5, replay: false }]);
  });

  it('compares 64-bit offsets exactly', () => {
    const big = ['9007199254740993', '9007199254740994'];
    expect(planSegments(big, { first: '9007199254740993', last: '9007199254740993' }).segments.map((s) => s.to)).toEqual([1, 2]);
  });

  it('plans nothing for an empty batch', () => {
    expect(planSegments([], undefined)).toEqual({ segments: [], recut: false });
  });
});
