import { sampleFromValues } from './weighted-sample';
import { alignCategories, alignValues } from './category-counts';

describe('alignCategories', () => {
  it('aligns both maps over the sorted union, with 0 for a category one side lacks', () => {
    const aligned = alignCategories(
      { b: 2, a: 1 },
      new Map([
        ['c', 3],
        ['a', 4],
      ]),
    );
    expect(aligned.categories).toEqual(['a', 'b', 'c']);
    expect(Array.from(aligned.reference)).toEqual([1, 2, 0]);
    expect(Array.from(aligned.current)).toEqual([4, 0, 3]);
  });

  it('drops categories that are empty on both sides', () => {
    expect(alignCategories({ a: 1, gone: 0 }, { a: 2, gone: 0 }).categories).toEqual(['a']);
  });

  it('rejects negative counts naming the category', () => {
    expect(() => alignCategories({ a: -1 }, { a: 1 })).toThrow('reference["a"] is -1');
  });
});

describe('alignValues', () => {
  it('turns the distinct numeric values of both samples into aligned categories', () => {
    const aligned = alignValues(sampleFromValues([1, 1, 2]), sampleFromValues([2, 3]));
    expect(aligned.categories).toEqual(['1', '2', '3']);
    expect(Array.from(aligned.reference)).toEqual([2, 1, 0]);
    expect(Array.from(aligned.current)).toEqual([0, 1, 1]);
  });
});
