import { parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['90m', 90 * 60_000],
    ['12h', 12 * 3_600_000],
    ['30d', 30 * 86_400_000],
    ['3650d', 3650 * 86_400_000],
  ])('parses %s', (value, ms) => {
    expect(parseDuration(value)).toBe(ms);
  });

  it.each(['', '0d', '30', 'd', '1.5h', '-1d', '30D', ' 30d', '30s', '1w', '007d'])(
    'rejects %j naming the flag',
    (value) => {
      expect(() => parseDuration(value, '--expires')).toThrow(/^--expires: expected a positive whole number/);
    },
  );

  it('rejects lifetimes beyond ten years', () => {
    expect(() => parseDuration('3651d', '--expires')).toThrow(
      '--expires: "3651d" exceeds the maximum of 3650d',
    );
  });
});
