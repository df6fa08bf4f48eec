import { formatDuration, parseDuration } from './durations';

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['30s', 30_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1h30m', 5_400_000],
    ['1m30s500ms', 90_500],
    ['0s', 0],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '30', '5 m', '1.5h', '-5s', '30m1h', '1h1h', '5w', 's', '366d'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('formats in the largest unit that divides evenly', () => {
    expect([300_000, 5_400_000, 1_500, 86_400_000].map(formatDuration)).toEqual([
      '5m',
      '90m',
      '1500ms',
      '1d',
    ]);
  });
});
