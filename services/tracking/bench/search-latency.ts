import { expectOk, type JsonClient } from './bench-http';
import { API, createRun } from './mlflow-api';
import { percentile } from './percentile';

/** The query timed: a metric and a param filter, ordered by the metric, one page of 100. */
export const SEARCH_FILTER = "metrics.rmse < 0.5 and params.model = 'xgb'";
const SEARCH_PAGE = 100;

/**
 * `count` finished-looking runs with 5 params, 5 metrics and 3 tags each; run i has
 * model xgb for even i and rmse (i mod 100) / 100, so 250 of 1000 runs match the filter.
 */
export async function seedRuns(
  client: JsonClient,
  experimentId: string,
  count: number,
  concurrency: number,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const runId = await createRun(client, experimentId, `seed-${i}`);
      const timestamp = Date.now();
      const rmse = (i % 100) / 100;
      const metric = (key: string, value: number) => ({ key, value, timestamp, step: 0 });
      const param = (key: string, value: string) => ({ key, value });
      expectOk(
        await client.post(`${API}/runs/log-batch`, {
          run_id: runId,
          params: [
            param('model', i % 2 === 0 ? 'xgb' : 'lgbm'),
            param('max_depth', String(3 + (i % 6))),
            param('learning_rate', String(0.01 * (1 + (i % 10)))),
            param('subsample', '0.8'),
            param('seed', String(i)),
          ],
          metrics: [
            metric('rmse', rmse),
            metric('mae', rmse * 0.8),
            metric('r2', 1 - rmse),
            metric('auc', 0.5 + rmse / 2),
            metric('loss', rmse ** 2),
          ],
          tags: [
            { key: 'team', value: i % 3 === 0 ? 'risk' : 'growth' },
            { key: 'owner', value: `user-${i % 7}` },
            { key: 'stage', value: 'experiment' },
          ],
        }),
        'seed runs/log-batch',
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export interface SearchResult {
  p50Ms: number;
  p90Ms: number;
  /** rmse of the returned runs, in order: must be the same list on both servers. */
  rmseOrder: number[];
}

/** Times `iterations` searches, one at a time, after `warmup` untimed ones. */
export async function measureSearchLatency(
  client: JsonClient,
  experimentId: string,
  iterations: number,
  warmup: number,
): Promise<SearchResult> {
  const request = {
    experiment_ids: [experimentId],
    filter: SEARCH_FILTER,
    order_by: ['metrics.rmse ASC'],
    max_results: SEARCH_PAGE,
  };
  const timings: number[] = [];
  let rmseOrder: number[] = [];
  for (let i = 0; i < warmup + iterations; i += 1) {
    const response = await client.post(`${API}/runs/search`, request);
    const body = expectOk(response, 'runs/search');
    if (i >= warmup) timings.push(response.ms);
    rmseOrder = rmseOf(body);
  }
  if (rmseOrder.length !== SEARCH_PAGE)
    throw new Error(`runs/search returned ${rmseOrder.length} runs, expected ${SEARCH_PAGE}`);
  timings.sort((a, b) => a - b);
  return { p50Ms: percentile(timings, 0.5), p90Ms: percentile(timings, 0.9), rmseOrder };
}

function rmseOf(body: Record<string, unknown>): number[] {
  const runs = (body.runs ?? []) as { data?: { metrics?: { key: string; value: number }[] } }[];
  return runs.map((run) => run.data?.metrics?.find((m) => m.key === 'rmse')?.value ?? Number.NaN);
}
