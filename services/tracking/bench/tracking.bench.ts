/**
 * Flywheel's tracking service against MLflow's own tracking server, same workload, one run:
 *
 *   (a) log-batch throughput: BENCH_CLIENTS (20) concurrent keep-alive clients, each with a run of
 *       its own, POST runs/log-batch with 10 metrics back to back; successful requests per second
 *       over BENCH_DURATION_S (10) after BENCH_WARMUP_S (2).
 *   (b) search latency: BENCH_SEARCH_RUNS (1000) runs with params, metrics and tags in one
 *       experiment, then BENCH_SEARCHES (50) runs/search calls, one at a time, with a filter,
 *       order_by and max_results=100 (after 5 untimed); p50 in ms.
 *
 * Each server runs alone (one after the other, never both at once) on loopback, with a fresh
 * database on the stack's PostgreSQL; both see byte-identical requests from the same client.
 * Flywheel runs as `flywheel start --target=tracking` from the built output (the npm script
 * builds first); MLflow as `mlflow server` with its default workers. BENCH_ONLY=flywheel|mlflow
 * measures one side (the other's numbers print as NaN).
 *
 *   npm run bench:tracking
 *
 * Progress goes to stderr. Last line on stdout:
 *   log_batch_rps=<ours> mlflow_log_batch_rps=<theirs> search_p50_ms=<ours> mlflow_search_p50_ms=<theirs>
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonClient } from './bench-http';
import type { BenchServer } from './bench-server';
import { startFlywheelTrackingServer } from './flywheel-tracking-server';
import { measureLogBatchThroughput } from './log-batch-throughput';
import { createExperiment } from './mlflow-api';
import { startMlflowReferenceServer } from './mlflow-reference-server';
import { measureSearchLatency, seedRuns, SEARCH_FILTER } from './search-latency';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_S ?? 2) * 1000;
const DURATION_MS = Number(process.env.BENCH_DURATION_S ?? 10) * 1000;
const SEARCH_RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 1000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 50);
const ONLY = process.env.BENCH_ONLY;
const METRICS_PER_BATCH = 10;
const SEED_CONCURRENCY = 10;

interface SideResult {
  rps: number;
  p50Ms: number;
  rmseOrder: number[];
}

// The load average goes with every line: other work on the two cores skews both servers' numbers.
const progress = (message: string) =>
  process.stderr.write(
    `[bench ${new Date().toISOString().slice(11, 19)} load ${loadavg()[0]!.toFixed(1)}] ${message}\n`,
  );

/** Disposers of whatever is running now, so a signal or a failure still cleans up. */
const running = new Set<() => Promise<void>>();

async function measure(
  start: (workDir: string) => Promise<BenchServer>,
  workDir: string,
): Promise<SideResult> {
  const server = await start(workDir);
  running.add(server.dispose);
  const client = new JsonClient(server.baseUrl, CLIENTS);
  try {
    progress(`${server.name}: ${server.description} at ${server.baseUrl.href}`);
    const loadExperiment = await createExperiment(client, `bench-log-batch-${Date.now()}`);
    progress(
      `${server.name}: log-batch, ${CLIENTS} clients x ${METRICS_PER_BATCH} metrics, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s`,
    );
    const load = await measureLogBatchThroughput(server.baseUrl, loadExperiment, {
      clients: CLIENTS,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
      metricsPerBatch: METRICS_PER_BATCH,
    });
    progress(
      `${server.name}: ${load.rps.toFixed(1)} log-batch/s (${load.ok} ok, ${load.failed} failed; p50 ${load.p50Ms.toFixed(1)} ms, p99 ${load.p99Ms.toFixed(1)} ms; ${CLIENTS} clients connected and created their runs in ${load.createRunsS.toFixed(1)} s, last response ${load.drainS.toFixed(1)} s after the window${load.firstFailure ? `; first failure: ${load.firstFailure}` : ''})`,
    );
    if (load.failed > load.ok / 100)
      throw new Error(`${server.name}: more than 1% of log-batch requests failed: ${load.firstFailure}`);

    const searchExperiment = await createExperiment(client, `bench-search-${Date.now()}`);
    const seedStart = Date.now();
    await seedRuns(client, searchExperiment, SEARCH_RUNS, SEED_CONCURRENCY);
    progress(
      `${server.name}: seeded ${SEARCH_RUNS} runs in ${((Date.now() - seedStart) / 1000).toFixed(1)} s; timing ${SEARCHES} searches "${SEARCH_FILTER}" order by metrics.rmse, 100 per page`,
    );
    const search = await measureSearchLatency(client, searchExperiment, SEARCHES, 5);
    progress(`${server.name}: search p50 ${search.p50Ms.toFixed(1)} ms, p90 ${search.p90Ms.toFixed(1)} ms`);
    return { rps: load.rps, p50Ms: search.p50Ms, rmseOrder: search.rmseOrder };
  } finally {
    client.close();
    running.delete(server.dispose);
    await server.dispose();
  }
}

async function main(): Promise<void> {
  const workDir = await mkdtemp(join(tmpdir(), 'tracking-bench-'));
  const skipped: SideResult = { rps: Number.NaN, p50Ms: Number.NaN, rmseOrder: [] };
  try {
    const ours = ONLY === 'mlflow' ? skipped : await measure(startFlywheelTrackingServer, workDir);
    const theirs = ONLY === 'flywheel' ? skipped : await measure(startMlflowReferenceServer, workDir);
    if (ONLY === undefined && JSON.stringify(ours.rmseOrder) !== JSON.stringify(theirs.rmseOrder)) {
      throw new Error(
        `the servers' search results differ: ${JSON.stringify(ours.rmseOrder)} vs ${JSON.stringify(theirs.rmseOrder)}`,
      );
    }
    if (ONLY === undefined) {
      progress(
        `log-batch: ${(ours.rps / theirs.rps).toFixed(1)}x MLflow's (goal >= 5x); search p50 ${ours.p50Ms.toFixed(1)} ms (goal < 50 ms)`,
      );
    }
    const rps = (value: number) => value.toFixed(value < 100 ? 1 : 0);
    process.stdout.write(
      `log_batch_rps=${rps(ours.rps)} mlflow_log_batch_rps=${rps(theirs.rps)} search_p50_ms=${ours.p50Ms.toFixed(1)} mlflow_search_p50_ms=${theirs.p50Ms.toFixed(1)}\n`,
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping servers and dropping their databases`);
    void Promise.allSettled([...running].map((dispose) => dispose())).then(() => process.exit(130));
  });
}

main().catch((error: unknown) => {
  progress(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
