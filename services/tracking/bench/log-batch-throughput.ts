import { performance } from 'node:perf_hooks';
import { JsonClient } from './bench-http';
import { API, createRun, type MetricJson } from './mlflow-api';
import { percentile } from './percentile';

export interface ThroughputOptions {
  clients: number;
  warmupMs: number;
  durationMs: number;
  metricsPerBatch: number;
}

export interface ThroughputResult {
  /** Successful log-batch requests per second inside the measured window. */
  rps: number;
  ok: number;
  failed: number;
  firstFailure?: string;
  /** Round trips of the counted requests, ms. */
  p50Ms: number;
  p99Ms: number;
  /** Seconds the clients took to connect and create their runs, one after another. */
  createRunsS: number;
  /** Seconds from the end of the window until the last in-flight request returned. */
  drainS: number;
}

/**
 * `clients` concurrent clients, each with a run and a keep-alive connection of its own (as
 * separate training processes have), POST runs/log-batch with `metricsPerBatch` metrics (the next
 * step each time) back to back for warm-up + duration. Only requests that complete inside the
 * window after the warm-up count.
 *
 * The clients connect one after another, each creating its run: a multi-process server (MLflow's
 * uvicorn workers) then spreads the connections over its workers as it would for processes that
 * start at different times. Twenty connections opened at the same instant tend to be accepted by
 * one worker, which then serves them all for the whole run.
 */
export async function measureLogBatchThroughput(
  baseUrl: URL,
  experimentId: string,
  o: ThroughputOptions,
): Promise<ThroughputResult> {
  const creating = performance.now();
  const clients: { client: JsonClient; runId: string }[] = [];
  for (let i = 0; i < o.clients; i += 1) {
    const client = new JsonClient(baseUrl, 1);
    clients.push({ client, runId: await createRun(client, experimentId, `load-${i}`) });
  }
  const start = performance.now();
  const windowStart = start + o.warmupMs;
  const windowEnd = windowStart + o.durationMs;
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let firstFailure: string | undefined;

  const oneClient = async ({ client, runId }: { client: JsonClient; runId: string }) => {
    for (let step = 0; performance.now() < windowEnd; step += 1) {
      const timestamp = Date.now();
      const metrics: MetricJson[] = Array.from({ length: o.metricsPerBatch }, (_, k) => ({
        key: `metric_${k}`,
        value: Math.sin(step + k),
        timestamp,
        step,
      }));
      const response = await client.post(`${API}/runs/log-batch`, { run_id: runId, metrics });
      const done = performance.now();
      if (done < windowStart || done > windowEnd) continue;
      latencies.push(response.ms);
      if (response.status === 200) {
        ok += 1;
      } else {
        failed += 1;
        firstFailure ??= `HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
      }
    }
  };
  try {
    await Promise.all(clients.map(oneClient));
  } finally {
    for (const { client } of clients) client.close();
  }
  latencies.sort((a, b) => a - b);
  return {
    rps: ok / (o.durationMs / 1000),
    ok,
    failed,
    ...(firstFailure === undefined ? {} : { firstFailure }),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    createRunsS: (start - creating) / 1000,
    drainS: (performance.now() - windowEnd) / 1000,
  };
}
