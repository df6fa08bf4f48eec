import { EventDeduplicator } from './event-deduplicator';

describe('EventDeduplicator', () => {
  it('passes the first delivery of each id and drops its redeliveries', () => {
    const dedup = new EventDeduplicator();
    expect(['1', '2', '1', '3', '2'].map((id) => dedup.firstDelivery(id))).toEqual([true, true, false, true, false]);
  });

  it('forgets the oldest ids beyond its capacity', () => {
    const dedup = new EventDeduplicator(2);
    ['1', '2', '3'].forEach((id) => dedup.firstDelivery(id));
    expect(dedup.size).toBe(2);
    expect(dedup.firstDelivery('3')).toBe(false);
    expect(dedup.firstDelivery('1')).toBe(true);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new EventDeduplicator(0)).toThrow('capacity must be a positive integer');
  });
});
