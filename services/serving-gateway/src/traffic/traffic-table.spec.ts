import { TrafficPolicyError } from '@flywheel/traffic-policy';
import { TrafficTable } from './traffic-table';

const fields = { championVersion: 1, canaryVersion: 2, canaryWeightPercent: 20, shadowVersion: 0, stickyKeyHeader: 'x-user' };

describe('TrafficTable', () => {
  it('serves the champion alias until a deployment event arrives, then the event wins', () => {
    const table = new TrafficTable(1_000);
    table.applyAlias('m', 4, 0);
    expect(table.policyOf('m')).toEqual({ championVersion: 4 });
    table.applyEvent('m', fields, 10);
    table.applyAlias('m', 5, 20);
    expect(table.policyOf('m')).toEqual({ championVersion: 1, canary: { version: 2, weightPercent: 20 }, stickyKeyHeader: 'x-user' });
  });

  it('reports an alias-based policy stale after the TTL, never an event-based one', () => {
    const table = new TrafficTable(1_000);
    table.applyAlias('m', 4, 0);
    expect(table.aliasIsStale('m', 999)).toBe(false);
    expect(table.aliasIsStale('m', 1_000)).toBe(true);
    table.applyEvent('m', fields, 0);
    expect(table.aliasIsStale('m', 10_000)).toBe(false);
  });

  it('rejects an invalid event policy and keeps the previous one', () => {
    const table = new TrafficTable(1_000);
    table.applyEvent('m', fields, 0);
    expect(() => table.applyEvent('m', { ...fields, canaryVersion: 1 }, 1)).toThrow(TrafficPolicyError);
    expect(table.policyOf('m')?.canary?.version).toBe(2);
  });
});
