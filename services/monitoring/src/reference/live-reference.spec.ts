import { binEdges } from './live-reference';

describe('binEdges', () => {
  it('merges tied deciles into strictly ascending edges', () => {
    expect(binEdges([0, 0, 0, 1, 2, 2, 3, 4, 5, 6, 6])).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('gives a constant feature one bin around its value', () => {
    expect(binEdges([7, 7, 7])).toEqual([6.5, 7.5]);
  });
});
