/**
 * What ClickHouse's side of an insert costs per row, in chDB in this process: 20 000-row blocks of
 * inference logs of realistic shape (20 numeric + 5 categorical features, timestamps 20 µs apart
 * as at 50 000 logs/s) inserted with insertRows and RowBinary, as the consumer inserts them, into
 * three schemas side by side, in alternating rounds:
 *
 * - `table`: migrations 0001-0003 (inference_logs, feedback, the insert journal), no views;
 * - `views_0004`: plus the per-minute views as 0004 made them (per-feature quantilesBFloat16);
 * - `current`: every migration (0005: the per-feature sketch is a t-digest).
 *
 * CPU is the whole process's (chDB's threads included; writing the RowBinary block, the same for
 * all three, included; building the rows excluded), per inserted row; the median of the rounds is
 * printed.
 *
 *   npm run bench:ingestion-engine     BENCH_ROUNDS (default 5), BENCH_INSERTS (per round, default 5)
 *
 * Last line: engine_us_per_row table=<n> views_0004=<n> current=<n>
 */
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createClickHouse,
  insertRows,
  runClickHouseMigrations,
  type ClickHouseClient,
} from '@flywheel/clickhouse';
import { INFERENCE_LOG_COLUMNS, inferenceLogRow, type InferenceLogRow } from '../src/rows/inference-log-row';
import { INFERENCE_LOG_ROW_BINARY } from '../src/rows/inference-log-row-binary';
import type { InferenceLog } from '@flywheel/contracts';
import { CLICKHOUSE_MIGRATIONS_DIR } from '../src/schema/apply-clickhouse-schema';
import { sampleLog } from '../test/sample-logs';
import { continuousFeatures } from './continuous-features';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const INSERTS = Number(process.env.BENCH_INSERTS ?? 5);
const BLOCK_ROWS = 20_000;

/** A schema under test: its database and the migration files (by name prefix) applied to it. */
interface Schema {
  name: string;
  lastMigration: string;
}

const SCHEMAS: Schema[] = [
  { name: 'table', lastMigration: '0003' },
  { name: 'views_0004', lastMigration: '0004' },
  { name: 'current', lastMigration: '9999' },
];

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'flywheel-engine-bench-'));
  const clickhouse = createClickHouse(`chdb://${join(dir, 'chdb')}`);
  try {
    for (const schema of SCHEMAS) await applyUpTo(clickhouse, schema, join(dir, schema.name));
    const perRow = new Map<string, number[]>(SCHEMAS.map((schema) => [schema.name, []]));
    let insert = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      for (const schema of SCHEMAS) {
        const blocks = Array.from({ length: INSERTS }, () => block());
        const started = process.cpuUsage();
        for (const rows of blocks) {
          await insertRows(clickhouse, `engine_${schema.name}.inference_logs`, rows, {
            columns: INFERENCE_LOG_COLUMNS,
            rowBinary: INFERENCE_LOG_ROW_BINARY,
            dedupToken: `bench:0:${++insert}`,
          });
        }
        const used = process.cpuUsage(started);
        perRow.get(schema.name)?.push((used.user + used.system) / (INSERTS * BLOCK_ROWS));
      }
      const line = SCHEMAS.map((schema) => `${schema.name} ${last(perRow.get(schema.name)).toFixed(2)}`).join(
        ', ',
      );
      process.stderr.write(`bench:ingestion-engine round ${round}/${ROUNDS}: µs of CPU a row: ${line}\n`);
    }
    const medians = SCHEMAS.map(
      (schema) => `${schema.name}=${median(perRow.get(schema.name) ?? []).toFixed(2)}`,
    );
    process.stdout.write(`engine_us_per_row ${medians.join(' ')}\n`);
  } finally {
    await clickhouse.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Creates `schema.name` with the migrations up to and including `schema.lastMigration`. */
async function applyUpTo(clickhouse: ClickHouseClient, schema: Schema, migrationsDir: string): Promise<void> {
  await mkdir(migrationsDir, { recursive: true });
  for (const file of await readdir(CLICKHOUSE_MIGRATIONS_DIR)) {
    if (file.endsWith('.sql') && file.slice(0, 4) <= schema.lastMigration)
      await copyFile(join(CLICKHOUSE_MIGRATIONS_DIR, file), join(migrationsDir, file));
  }
  const report = await runClickHouseMigrations(clickhouse, {
    database: `engine_${schema.name}`,
    dir: migrationsDir,
  });
  process.stderr.write(`bench:ingestion-engine ${schema.name}: ${report.applied.join(', ')}\n`);
}

/** The logs of every block (sample logs with continuous numeric features), made once. */
const LOGS: InferenceLog[] = Array.from({ length: BLOCK_ROWS }, (_, i) =>
  sampleLog(i, 'engine', { numericFeatures: continuousFeatures(i) }),
);

/** One block of the LOGS as rows, stamped 20 µs apart, ending now. */
function block(): InferenceLogRow[] {
  const now = Date.now();
  return LOGS.map((log, i) =>
    inferenceLogRow(
      { ...log, timestampMs: now - Math.floor((BLOCK_ROWS - i) / 50) },
      i % 10 === 0 ? 'canary' : 'champion',
      'ok',
    ),
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function last(values: readonly number[] | undefined): number {
  return values?.[values.length - 1] ?? Number.NaN;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:ingestion-engine failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
