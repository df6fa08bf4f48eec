import { formatDataWindow, parseDataWindow } from './data-window';
import { windowCsv } from './window-csv';

describe('parseDataWindow', () => {
  const now = Date.parse('2026-11-23T00:00:00Z');

  it('pins a relative window to the time it is read, and reads absolute ones as written', () => {
    expect(parseDataWindow('window:churn/last=7d', now)).toEqual({
      modelName: 'churn',
      fromMs: now - 7 * 86_400_000,
      toMs: now,
    });
    const pinned = formatDataWindow(parseDataWindow('window:churn/last=1h', now));
    expect(pinned).toBe(`window:churn/${now - 3_600_000}-${now}`);
    expect(parseDataWindow(pinned, now + 60_000)).toEqual(parseDataWindow('window:churn/last=1h', now));
  });

  it('names what is wrong with a reference', () => {
    expect(() => parseDataWindow('s3://bucket/data', now)).toThrow('must look like window:<model>/last=7d');
    expect(() => parseDataWindow('window:churn/last=7x', now)).toThrow('7x is not a duration');
    expect(() => parseDataWindow('window:churn/20-10', now)).toThrow('must end after it starts');
  });
});

describe('windowCsv', () => {
  it('writes request id, label and sorted feature columns, quoting where needed and leaving missing features empty', () => {
    expect(
      windowCsv([
        { request_id: 'a,1', numeric_features: { tenure: 3, age: 40 }, value: 1 },
        { request_id: 'b', numeric_features: { tenure: 5 }, value: 0 },
      ]),
    ).toBe('request_id,label,age,tenure\n"a,1",1,40,3\nb,0,,5\n');
  });
});
