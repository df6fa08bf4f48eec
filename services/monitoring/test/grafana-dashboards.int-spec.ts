import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { uniqueName } from '@flywheel/testing';
import { DEFAULT_GUARDRAILS, type ModelMonitoringConfig } from '../src/settings/model-monitoring-config';
import { renderGrafanaSql } from './grafana-macros';
import { MonitoringHarness } from './monitoring-harness';
import { logTraffic } from './synthetic-logs';

jest.setTimeout(120_000);

const DASHBOARDS_DIR = join(__dirname, '..', '..', '..', 'deploy', 'grafana', 'dashboards');
const WINDOW_MS = 60_000;

interface Target {
  rawSql?: string;
  datasource?: { uid?: string };
}
interface Panel {
  title: string;
  targets?: Target[];
  panels?: Panel[];
}
interface Dashboard {
  title: string;
  panels: Panel[];
  templating: { list: { name: string; query?: string; datasource?: { uid?: string } }[] };
}

/** Every ClickHouse query of a dashboard (panels, nested rows, variable queries), by name. */
function clickHouseQueries(dashboard: Dashboard): [string, string][] {
  const queries: [string, string][] = [];
  const visit = (panels: Panel[]) => {
    for (const panel of panels) {
      for (const target of panel.targets ?? []) {
        if (target.datasource?.uid === 'clickhouse' && target.rawSql)
          queries.push([`${dashboard.title} / ${panel.title}`, target.rawSql]);
      }
      visit(panel.panels ?? []);
    }
  };
  visit(dashboard.panels);
  for (const variable of dashboard.templating.list) {
    if (variable.datasource?.uid === 'clickhouse' && variable.query)
      queries.push([`${dashboard.title} / variable ${variable.name}`, variable.query]);
  }
  return queries;
}

const dashboards: Dashboard[] = readdirSync(DASHBOARDS_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(join(DASHBOARDS_DIR, file), 'utf8')) as Dashboard);
const panelQueries = dashboards.flatMap(clickHouseQueries);

describe('Grafana dashboards against ClickHouse loaded by the monitoring service', () => {
  const model = uniqueName('grafana_model');
  const harness = new MonitoringHarness(new Set([model]));
  const base = Math.floor((Date.now() - 2 * 3_600_000) / WINDOW_MS) * WINDOW_MS;
  const config: ModelMonitoringConfig = {
    schedule: { sizeMs: WINDOW_MS, hopMs: WINDOW_MS, allowedLatenessMs: 0 },
    retrain: { consecutiveWindows: 2, cooldownWindows: 2 },
    drift: {},
    guardrails: DEFAULT_GUARDRAILS,
    reference: { kind: 'first-window' },
    positiveLabel: '1',
  };

  beforeAll(async () => {
    await harness.start();
    // Four windows: stable, stable, shifted (drift), shifted (retrain); a canary failing in window 2.
    for (let i = 0; i < 4; i++) {
      const startMs = base + i * WINDOW_MS;
      const shift = i >= 2 ? { x1: 1.5, x2: 1.5 } : {};
      await logTraffic(harness.client, harness.database, {
        modelName: model,
        version: 1,
        variant: 'champion',
        startMs,
        durationMs: WINDOW_MS,
        rows: 1_500,
        seed: 10 + i,
        shift,
      });
      await logTraffic(harness.client, harness.database, {
        modelName: model,
        version: 2,
        variant: 'canary',
        startMs,
        durationMs: WINDOW_MS,
        rows: 200,
        seed: 20 + i,
        errorRate: i === 2 ? 0.4 : 0,
      });
    }
    // Labels for every champion request, 30 s after it, agreeing with the prediction 80% of the time.
    await harness.client.command({
      query: `INSERT INTO {database:Identifier}.feedback (request_id, model_name, label, value, timestamp, ingested_at)
              SELECT request_id, model_name, if((cityHash64(request_id) % 5 = 0) = (prediction_label = '1'), '0', '1'), 1,
                     timestamp + toIntervalSecond(30), now64(3)
              FROM {database:Identifier}.inference_logs WHERE model_name = {model:String} AND variant = 'champion'`,
      query_params: { database: harness.database, model },
    });
    harness.nowMs = base + 4 * WINDOW_MS;
    await harness.scheduler(config).tick();
    expect(harness.failures).toEqual([]);
  });
  afterAll(() => harness.stop());

  it('measures live performance from the joined labels: all 1,500 champion requests per window, about 80% right, 30 s late', async () => {
    const result = await harness.client.query({
      query: `SELECT labeled_rows, accuracy, label_delay_avg_ms FROM {database:Identifier}.window_summaries FINAL
              WHERE model_name = {model:String} AND model_version = 1 ORDER BY window_start`,
      query_params: { database: harness.database, model },
      format: 'JSONEachRow',
    });
    const rows = await result.json<{ labeled_rows: string; accuracy: number; label_delay_avg_ms: number }>();
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(Number(row.labeled_rows)).toBe(1_500);
      expect(row.accuracy).toBeGreaterThan(0.75);
      expect(row.accuracy).toBeLessThan(0.85);
      expect(row.label_delay_avg_ms).toBe(30_000);
    }
  });

  it('finds the ClickHouse panels of every dashboard', () => {
    expect(dashboards.map((d) => d.title).sort()).toEqual([
      'Flywheel · Drift',
      'Flywheel · Performance and canary',
    ]);
    expect(panelQueries.length).toBeGreaterThanOrEqual(14);
  });

  it.each(panelQueries)('%s returns rows', async (_, sql) => {
    const rendered = renderGrafanaSql(sql, {
      fromMs: base - WINDOW_MS,
      toMs: base + 6 * WINDOW_MS,
      intervalSeconds: 60,
      variables: { database: harness.database, model },
    });
    const result = await harness.client.query({ query: rendered, format: 'JSONEachRow' });
    const rows = await result.json<Record<string, unknown>>();
    expect(rows.length).toBeGreaterThan(0);
  });
});
