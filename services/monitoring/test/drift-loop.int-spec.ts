import { queryRows } from '@flywheel/clickhouse';
import { uniqueName, waitFor } from '@flywheel/testing';
import { DEFAULT_GUARDRAILS, type ModelMonitoringConfig } from '../src/settings/model-monitoring-config';
import { MonitoringHarness } from './monitoring-harness';
import { logTraffic } from './synthetic-logs';

jest.setTimeout(120_000);

const WINDOW_MS = 60_000;
const LATENESS_MS = 5_000;
const K = 2;

describe('monitoring windows over ClickHouse with events on Kafka', () => {
  const driftModel = uniqueName('drift_model');
  const canaryModel = uniqueName('canary_model');
  const harness = new MonitoringHarness(new Set([driftModel, canaryModel]));
  // Recent enough for ingestion's 30-day TTL; aligned to the window grid.
  const base = Math.floor((Date.now() - 3 * 3_600_000) / WINDOW_MS) * WINDOW_MS;
  const windowStart = (i: number) => base + i * WINDOW_MS;
  const closeWindow = (i: number) => (harness.nowMs = windowStart(i + 1) + LATENESS_MS);
  const defaults: ModelMonitoringConfig = {
    schedule: { sizeMs: WINDOW_MS, hopMs: WINDOW_MS, allowedLatenessMs: LATENESS_MS },
    retrain: { consecutiveWindows: K, cooldownWindows: 3 },
    drift: {},
    guardrails: DEFAULT_GUARDRAILS,
    reference: { kind: 'first-window' },
    positiveLabel: '1',
  };

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  const stable = (i: number) => ({
    modelName: driftModel,
    version: 3,
    variant: 'champion' as const,
    startMs: windowStart(i),
    durationMs: WINDOW_MS,
    rows: 2_000,
    seed: 100 + i,
  });

  it('emits retrain.requested K windows after two features shift, not before, then cools down', async () => {
    const scheduler = harness.scheduler(defaults);
    for (let i = 0; i < 4; i++) await logTraffic(harness.client, harness.database, stable(i));
    closeWindow(3);
    const before = (await scheduler.tick()).get(driftModel) ?? [];
    expect(harness.failures).toEqual([]);
    expect(before.map((w) => w.decision.retrain)).toEqual(['stable', 'stable', 'stable', 'stable']);
    expect(before.every((w) => w.drift?.datasetDrift === false && w.rowCount === 2_000)).toBe(true);
    // The service sleeps until then: window 4 closes at its end plus the lateness.
    expect(scheduler.nextWindowCloseMs).toBe(windowStart(5) + LATENESS_MS);

    const after: string[] = [];
    for (let i = 4; i < 8; i++) {
      await logTraffic(harness.client, harness.database, { ...stable(i), shift: { x1: 1, x2: 1 } });
      closeWindow(i);
      const processed = (await scheduler.tick()).get(driftModel) ?? [];
      expect(processed).toHaveLength(1);
      after.push(processed[0]?.decision.retrain ?? '');
      if (i === 4) expect(processed[0]?.drift?.driftedFeatures).toEqual(['x1', 'x2']);
    }
    // Shifted from window 4: drift in windows 4 and 5 (K = 2) fires in window 5, then cooldown.
    expect(after).toEqual(['pending', 'retrain', 'cooldown', 'cooldown']);
    expect(harness.failures).toEqual([]);

    const retrains = await waitFor(
      () => {
        const found = harness.commands.filter((c) => c.modelName === driftModel && c.retrainRequested);
        return found.length === 1 && found;
      },
      { description: 'one retrain.requested on Kafka' },
    );
    const evidence = retrains[0]?.retrainRequested?.evidence;
    expect(evidence).toMatchObject({
      windowStartMs: windowStart(5),
      windowEndMs: windowStart(6),
      driftedFeatures: ['x1', 'x2'],
    });
    expect(evidence?.statistics.drift_share).toBe(0.5);
    expect(retrains[0]?.commandId).toMatch(/^[0-9a-f]{32}$/);

    const reports = await waitFor(
      () => {
        const found = harness.reports.filter((r) => r.modelName === driftModel);
        return found.length === 8 && found;
      },
      { description: 'a DriftReport for each of the 8 windows' },
    );
    expect(reports.map((r) => r.datasetDrift)).toEqual([false, false, false, false, true, true, true, true]);
    expect(reports[0]?.features.map((f) => f.feature)).toEqual(['color', 'x1', 'x2', 'x3']);
    expect(reports[4]?.predictionDrift?.drifted).toBe(true);
  });

  it('after a restart neither skips nor repeats a window: results are stored once per window', async () => {
    const restarted = harness.scheduler(defaults);
    expect((await restarted.tick()).get(driftModel)).toEqual([]);
    await logTraffic(harness.client, harness.database, stable(8));
    closeWindow(8);
    const next = (await restarted.tick()).get(driftModel) ?? [];
    expect(next).toHaveLength(1);
    // The cooldown (3 windows after window 5) carried over the restart: window 8 is its last.
    expect(next[0]?.decision.retrain).toBe('cooldown');

    const counts: { windows: string; metrics: string }[] = await queryRows(
      harness.client,
      `SELECT (SELECT count() FROM {database:Identifier}.window_summaries FINAL WHERE model_name = {model:String}) AS windows,
              (SELECT count() FROM {database:Identifier}.drift_metrics FINAL WHERE model_name = {model:String}) AS metrics`,
      { database: harness.database, model: driftModel },
    );
    // 9 windows; 4 features + the prediction score each.
    expect(counts[0]).toEqual({ windows: '9', metrics: '45' });
  });

  it('emits rollback.requested in the first window where the canary breaches, once per canary version', async () => {
    const scheduler = harness.scheduler(defaults);
    const traffic = (i: number, canaryErrorRate: number) => [
      {
        modelName: canaryModel,
        version: 1,
        variant: 'champion' as const,
        startMs: windowStart(i),
        durationMs: WINDOW_MS,
        rows: 1_500,
        seed: 500 + i,
        errorRate: 0.01,
      },
      {
        modelName: canaryModel,
        version: 2,
        variant: 'canary' as const,
        startMs: windowStart(i),
        durationMs: WINDOW_MS,
        rows: 300,
        seed: 600 + i,
        errorRate: canaryErrorRate,
      },
    ];
    const statuses: string[] = [];
    for (const [i, errorRate] of [
      [0, 0.01],
      [1, 0.3],
      [2, 0.3],
    ] as const) {
      for (const part of traffic(i, errorRate)) await logTraffic(harness.client, harness.database, part);
      closeWindow(i);
      const processed = (await scheduler.tick()).get(canaryModel) ?? [];
      statuses.push(
        `${processed[0]?.decision.canary?.status}:${processed[0]?.decision.rollbackCanaryVersion ?? '-'}`,
      );
    }
    expect(statuses).toEqual(['healthy:-', 'breached:2', 'breached:-']);

    const rollbacks = await waitFor(
      () => {
        const found = harness.commands.filter((c) => c.modelName === canaryModel && c.rollbackRequested);
        return found.length === 1 && found;
      },
      { description: 'one rollback.requested on Kafka' },
    );
    const rollback = rollbacks[0]?.rollbackRequested;
    expect(rollback?.canaryVersion).toBe(2);
    expect(rollback?.reason).toMatch(/canary error rate/);
    expect(rollback?.evidence).toMatchObject({ windowStartMs: windowStart(1), windowEndMs: windowStart(2) });
    expect(rollback?.evidence?.statistics.canary_error_rate).toBeGreaterThan(0.2);
    expect(harness.commands.some((c) => c.modelName === canaryModel && c.retrainRequested)).toBe(false);
  });
});
