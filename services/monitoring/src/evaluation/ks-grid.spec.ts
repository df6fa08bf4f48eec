import fc from 'fast-check';
import { ksTest, sampleFromValues } from '@flywheel/drift';
import { type KsGridCell, sampleOnReferenceGrid } from './ks-grid';

/** What the ClickHouse grid query computes, done here on raw arrays. */
function gridCells(reference: number[], current: number[]): KsGridCell[] {
  const grid = [...new Set(reference)].sort((a, b) => a - b);
  const cells = new Map<string, KsGridCell>();
  for (const value of current) {
    const below = grid.filter((r) => r < value).length;
    const atOrBelow = grid.filter((r) => r <= value).length;
    const key = `${below}:${atOrBelow}`;
    const cell = cells.get(key) ?? { below, atOrBelow, count: 0 };
    cell.count += 1;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

describe('sampleOnReferenceGrid', () => {
  it('gives exactly the KS statistic and p-value of the raw current window', () => {
    const values = fc.array(
      fc.integer({ min: -30, max: 30 }).map((v) => v / 4),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(values, values, (reference, current) => {
        const referenceSample = sampleFromValues(reference);
        const rebuilt = sampleOnReferenceGrid(referenceSample, gridCells(reference, current));
        const expected = ksTest(referenceSample, sampleFromValues(current));
        expect(ksTest(referenceSample, rebuilt)).toEqual(expected);
        expect(rebuilt.total).toBe(current.length);
      }),
    );
  });

  it('places values beyond the reference range outside it', () => {
    const reference = sampleFromValues([1, 2, 3]);
    const rebuilt = sampleOnReferenceGrid(reference, [
      { below: 0, atOrBelow: 0, count: 2 },
      { below: 3, atOrBelow: 3, count: 1 },
      { below: 1, atOrBelow: 2, count: 4 },
    ]);
    expect(Array.from(rebuilt.values)).toEqual([0, 2, 4]);
    expect(Array.from(rebuilt.counts)).toEqual([2, 4, 1]);
  });
});
