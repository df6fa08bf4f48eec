// bench:drift — one window's drift for 20 numeric and 5 categorical features over 1M and 10M
// logged rows in chDB, and Evidently's DataDriftPreset on the same 1M rows, in one run.
// Prints progress to stderr and `drift_1m_s=<n> drift_10m_s=<n> evidently_1m_s=<n>` last.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClickHouseClient, createClickHouse, runClickHouseMigrations } from '@flywheel/clickhouse';
import { evaluateWindowDrift } from '../src/evaluation/evaluate-window';
import type { ReferenceData } from '../src/evaluation/feature-stats';
import { readCurrentWindow } from '../src/monitor/current-window';
import { liveReference } from '../src/reference/live-reference';
import type { WindowSlice } from '../src/clickhouse/window-filter';
import { MONITORING_MIGRATIONS_DIR } from '../src/monitoring.service';

const INGESTION_MIGRATIONS_DIR = join(__dirname, '..', '..', 'ingestion', 'clickhouse');
const PYTHON = join(__dirname, '..', '..', '..', '.cache', 'pyenv', 'bin', 'python');
const DATABASE = 'bench';
const MODEL = 'bench-model';
const WINDOW_MS = 300_000;
const NUMERIC = Array.from({ length: 20 }, (_, i) => `n${i}`);
const CATEGORICAL = Array.from({ length: 5 }, (_, i) => `c${i}`);

const log = (message: string) => process.stderr.write(`[bench:drift] ${message}\n`);

/** `rows` logs in [startMs, startMs + WINDOW_MS): normal numerics (odd ones shifted by `shift`), skewed categories. */
async function generate(
  client: ClickHouseClient,
  startMs: number,
  rows: number,
  shift: number,
): Promise<void> {
  await client.command({
    query: `INSERT INTO {database:Identifier}.inference_logs
              (request_id, model_name, model_version, variant, timestamp, numeric_features, categorical_features,
               prediction_score, prediction_label, raw_outputs, latency_ms, status, error)
            SELECT toString(number), {model:String}, 1, 'champion',
              fromUnixTimestamp64Milli(toInt64({start:Int64} + intDiv(number * {span:UInt64}, {rows:UInt64}))),
              mapFromArrays(arrayMap(i -> concat('n', toString(i)), range(20)),
                            arrayMap(i -> i + (i % 2) * {shift:Float64} + (1 + i / 10) * randNormal(0, 1, i + number), range(20))),
              mapFromArrays(arrayMap(i -> concat('c', toString(i)), range(5)),
                            arrayMap(i -> concat('v', toString(least(rand(i) % (3 + i * 5), rand(i + 7) % (3 + i * 5)))), range(5))),
              rand(99) / 4294967296, '1', map(), 20 + rand(98) % 30, 'ok', ''
            FROM numbers({rows:UInt64})`,
    query_params: { database: DATABASE, model: MODEL, start: startMs, span: WINDOW_MS, rows, shift },
  });
}

function slice(startMs: number): WindowSlice {
  return {
    database: DATABASE,
    modelName: MODEL,
    modelVersion: 1,
    variants: ['champion'],
    fromMs: startMs,
    toMs: startMs + WINDOW_MS,
  };
}

/** One window's drift as the service computes it (the reference is computed once per version and cached). */
async function timeWindow(
  client: ClickHouseClient,
  reference: ReferenceData,
  startMs: number,
): Promise<number> {
  const started = performance.now();
  const current = await readCurrentWindow(client, slice(startMs), reference, {});
  const drift = evaluateWindowDrift(reference, current.data, current.plans, {});
  const seconds = (performance.now() - started) / 1000;
  log(
    `${current.rowCount} rows: ${drift.features.length} features, drift share ${drift.driftShare.toFixed(2)}, ${seconds.toFixed(3)} s`,
  );
  return seconds;
}

async function exportParquet(client: ClickHouseClient, startMs: number, path: string): Promise<void> {
  await client.command({
    query: `INSERT INTO FUNCTION file({path:String}, 'Parquet')
            SELECT ${NUMERIC.map((f) => `numeric_features['${f}'] AS ${f}`).join(', ')},
                   ${CATEGORICAL.map((f) => `categorical_features['${f}'] AS ${f}`).join(', ')}
            FROM {database:Identifier}.inference_logs
            WHERE model_name = {model:String} AND timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}`,
    query_params: {
      path,
      database: DATABASE,
      model: MODEL,
      from: startMs / 1000,
      to: (startMs + WINDOW_MS) / 1000,
    },
  });
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'flywheel-bench-drift-'));
  const client = createClickHouse(`chdb://${dir}`);
  try {
    await runClickHouseMigrations(client, { database: DATABASE, dir: INGESTION_MIGRATIONS_DIR });
    await runClickHouseMigrations(client, { database: DATABASE, dir: MONITORING_MIGRATIONS_DIR });
    const t0 = Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS - 10 * WINDOW_MS;
    const [referenceStart, oneMillionStart, tenMillionStart] = [t0, t0 + WINDOW_MS, t0 + 2 * WINDOW_MS];
    log('generating 1M reference rows, 1M and 10M current rows in chDB');
    let started = performance.now();
    await generate(client, referenceStart, 1_000_000, 0);
    await generate(client, oneMillionStart, 1_000_000, 0.3);
    await generate(client, tenMillionStart, 10_000_000, 0.3);
    log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    started = performance.now();
    const reference = await liveReference(client, slice(referenceStart), 'reference window');
    if (reference === undefined) throw new Error('reference window is empty');
    log(
      `reference profile (once per model version) in ${((performance.now() - started) / 1000).toFixed(3)} s`,
    );

    const drift1m = await timeWindow(client, reference, oneMillionStart);
    const drift10m = await timeWindow(client, reference, tenMillionStart);

    const referencePath = join(dir, 'reference.parquet');
    const currentPath = join(dir, 'current.parquet');
    await exportParquet(client, referenceStart, referencePath);
    await exportParquet(client, oneMillionStart, currentPath);
    log('running Evidently DataDriftPreset on the 1M rows (reference 1M rows)');
    const evidentlyOut = execFileSync(
      PYTHON,
      [
        join(__dirname, 'evidently_drift.py'),
        referencePath,
        currentPath,
        NUMERIC.join(','),
        CATEGORICAL.join(','),
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    log(evidentlyOut.trim());
    const evidently = Number(/evidently_s=([\d.]+)/.exec(evidentlyOut)?.[1] ?? Number.NaN);
    process.stdout.write(
      `drift_1m_s=${drift1m.toFixed(3)} drift_10m_s=${drift10m.toFixed(3)} evidently_1m_s=${evidently.toFixed(3)}\n`,
    );
  } finally {
    await client.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:drift failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
