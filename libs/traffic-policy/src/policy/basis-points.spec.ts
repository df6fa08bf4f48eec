import { percentProblem, toBasisPoints } from './basis-points';

describe('toBasisPoints', () => {
  it.each([
    [0, 0],
    [5, 500],
    [0.5, 50],
    [12.34, 1234],
    [0.01, 1],
    [100, 10_000],
  ])('converts %p percent to %p basis points despite binary rounding', (percent, expected) => {
    expect(toBasisPoints(percent)).toBe(expected);
  });

  it.each([0.001, 12.345, 99.999])('refuses %p percent, which is finer than one basis point', (percent) => {
    expect(toBasisPoints(percent)).toBeUndefined();
  });
});

describe('percentProblem', () => {
  it.each([0, 0.01, 50, 100])('accepts %p percent as a share', (value) => {
    expect(percentProblem(value)).toBeUndefined();
  });

  it.each([
    [-1, 'between 0 and 100'],
    [100.01, 'between 0 and 100'],
    [Number.NaN, 'finite number'],
    [Number.POSITIVE_INFINITY, 'finite number'],
    ['5', 'finite number of percent, got "5"'],
    [undefined, 'got undefined'],
    [1.005, 'multiple of 0.01'],
  ])('rejects %p with a message saying why (%s)', (value, why) => {
    expect(percentProblem(value)).toContain(why);
  });

  it('rejects 0 where a share must send traffic, and still accepts 100', () => {
    expect(percentProblem(0, true)).toBe('must be above 0 and at most 100 percent, got 0');
    expect(percentProblem(100, true)).toBeUndefined();
  });
});
