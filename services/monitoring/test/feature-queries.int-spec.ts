import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClickHouseClient, createClickHouse, runClickHouseMigrations } from '@flywheel/clickhouse';
import { histogram, ksTest, populationStd, quantiles, sampleFromValues } from '@flywheel/drift';
import { uniqueName } from '@flywheel/testing';
import {
  SKETCH_SAMPLE_ROWS,
  categoryCounts,
  ksGridCounts,
  numericBinCounts,
  numericDeciles,
  numericSummaries,
  numericValueCounts,
} from '../src/clickhouse/feature-queries';
import type { WindowSlice } from '../src/clickhouse/window-filter';
import { SKETCH_PROBABILITIES } from '../src/evaluation/feature-stats';
import { sampleOnReferenceGrid } from '../src/evaluation/ks-grid';
import { inferenceRows, logTraffic } from './synthetic-logs';

const INGESTION_MIGRATIONS_DIR = join(__dirname, '..', '..', 'ingestion', 'clickhouse');
const WINDOW_MS = 60_000;

describe('window aggregates computed in ClickHouse agree with @flywheel/drift on the raw rows', () => {
  const database = uniqueName('monitoring_queries');
  const startMs = Math.floor((Date.now() - 3_600_000) / WINDOW_MS) * WINDOW_MS;
  const traffic = {
    modelName: 'queries',
    version: 1,
    variant: 'champion' as const,
    startMs,
    durationMs: WINDOW_MS,
    rows: 3_000,
    seed: 7,
  };
  const slice: WindowSlice = {
    database,
    modelName: 'queries',
    modelVersion: 1,
    variants: ['champion'],
    fromMs: startMs,
    toMs: startMs + WINDOW_MS,
  };
  const rows = inferenceRows(traffic) as {
    numeric_features: Record<string, number>;
    categorical_features: Record<string, string>;
  }[];
  const x1 = rows.map((row) => row.numeric_features.x1 ?? Number.NaN);
  let dir: string;
  let client: ClickHouseClient;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'flywheel-monitoring-queries-'));
    client = createClickHouse(`chdb://${dir}`);
    await runClickHouseMigrations(client, { database, dir: INGESTION_MIGRATIONS_DIR });
    // The same seed logs the same rows as `rows` above.
    await logTraffic(client, database, traffic);
  });
  afterAll(async () => {
    await client?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('bins exactly as histogram() on the reference edges, outer bins and the closed top edge included', async () => {
    const edges = [-1, -0.5, 0, 0.5, 1, Math.max(...x1)];
    const counts = await numericBinCounts(client, slice, new Map([['x1', edges]]));
    expect(counts.get('x1')).toEqual(Array.from(histogram(sampleFromValues(x1), Float64Array.from(edges))));
  });

  it('gives KS grid counts from which the exact KS statistic and p-value follow', async () => {
    const reference = sampleFromValues(x1.slice(0, 400).map((v) => Math.round(v * 10) / 10));
    const grid = await ksGridCounts(client, slice, new Map([['x2', reference.values]]));
    const rebuilt = sampleOnReferenceGrid(reference, grid.get('x2') ?? []);
    const x2 = rows.map((row) => row.numeric_features.x2 ?? Number.NaN);
    expect(ksTest(reference, rebuilt)).toEqual(ksTest(reference, sampleFromValues(x2)));
  });

  it('returns exact value counts, deciles, counts and std, and a sketch close to the exact quantiles', async () => {
    const exact = sampleFromValues(x1);
    const values = await numericValueCounts(client, slice, ['x1']);
    expect(values.get('x1')).toEqual(exact);
    const deciles = await numericDeciles(client, slice);
    const expectedDeciles = Array.from(quantiles(exact, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]));
    deciles.get('x1')?.forEach((value, i) => expect(value).toBeCloseTo(expectedDeciles[i] ?? Number.NaN, 12));
    const summary = (await numericSummaries(client, slice)).get('x1');
    expect(summary).toMatchObject({ count: 3_000, distinct: 21 });
    expect(summary?.std).toBeCloseTo(populationStd(exact), 9);
    const exactSketch = quantiles(exact, SKETCH_PROBABILITIES);
    const worst = Math.max(
      ...(summary?.sketch ?? []).map((value, i) => Math.abs(value - (exactSketch[i] ?? 0))),
    );
    expect(worst).toBeLessThan(0.05);
  });

  it('counts categories exactly', async () => {
    const expected = new Map<string, number>();
    for (const row of rows) {
      const color = row.categorical_features.color ?? '';
      expected.set(color, (expected.get(color) ?? 0) + 1);
    }
    expect((await categoryCounts(client, slice)).get('color')).toEqual(expected);
  });

  it('keeps counts exact and sketches close when a large window is sketched from a sample', async () => {
    const large = { ...slice, modelName: 'large' };
    const n = SKETCH_SAMPLE_ROWS * 2 + 1_000;
    await client.command({
      query: `INSERT INTO {database:Identifier}.inference_logs (request_id, model_name, model_version, variant, timestamp, numeric_features, prediction_score, status)
              SELECT toString(number), 'large', 1, 'champion', fromUnixTimestamp64Milli(toInt64({start:Int64} + number % 60000)),
                     map('u', number / {n:Float64}), 0.5, 'ok' FROM numbers({n:UInt64})`,
      query_params: { database, start: startMs, n },
    });
    const summary = (await numericSummaries(client, large)).get('u');
    expect(summary?.count).toBe(n);
    // Uniform on [0, 1): quantile p is p.
    summary?.sketch.forEach((value, i) =>
      expect(Math.abs(value - (SKETCH_PROBABILITIES[i] ?? 0))).toBeLessThan(0.01),
    );
  });
});
