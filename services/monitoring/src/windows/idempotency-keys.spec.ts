import { driftReportId, retrainCommandId, rollbackCommandId } from './idempotency-keys';

const window = { startMs: 1_000, endMs: 2_000 };

describe('idempotency keys', () => {
  it('are stable for the same model, version and window (a replayed window repeats its ids)', () => {
    expect(driftReportId('churn', 3, window)).toBe(driftReportId('churn', 3, { ...window }));
    expect(retrainCommandId('churn', 3, window)).toBe(retrainCommandId('churn', 3, window));
  });

  it('differ by model, version, window and action', () => {
    const ids = new Set([
      driftReportId('churn', 3, window),
      driftReportId('churn', 4, window),
      driftReportId('fraud', 3, window),
      driftReportId('churn', 3, { startMs: 2_000, endMs: 3_000 }),
      retrainCommandId('churn', 3, window),
      rollbackCommandId('churn', 3),
    ]);
    expect(ids.size).toBe(6);
  });

  it('do not collide when a separator moves between the name and the version', () => {
    expect(rollbackCommandId('a1', 1)).not.toBe(rollbackCommandId('a', 11));
  });

  it('give one rollback id per canary version, whichever window breached', () => {
    expect(rollbackCommandId('churn', 5)).toMatch(/^[0-9a-f]{32}$/);
    expect(rollbackCommandId('churn', 5)).not.toBe(rollbackCommandId('churn', 6));
  });
});
