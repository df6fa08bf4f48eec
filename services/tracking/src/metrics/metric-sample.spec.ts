import { capSample } from './metric-sample';

describe('capSample', () => {
  it('keeps a sample within the limit as it is', () => {
    expect(capSample([1, 2, 3], 3)).toEqual([1, 2, 3]);
  });

  it('drops the point before the last so the last point always stays', () => {
    expect(capSample([1, 2, 3, 4], 3)).toEqual([1, 2, 4]);
  });

  it('keeps only the last point when one is asked for', () => {
    expect(capSample([1, 2], 1)).toEqual([2]);
  });
});
