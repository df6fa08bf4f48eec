import { MlflowRestClient } from './mlflow-client';
import { startTracking, type TrackingUnderTest } from './tracking-harness';

interface RunJson {
  info: { run_id: string; run_name: string; status: string; start_time: number };
  data: { metrics?: { key: string; value: number }[] };
}

describe('MLflow REST: run search', () => {
  let tracking: TrackingUnderTest;
  let mlflow: MlflowRestClient;
  let experimentId: string;
  let otherExperimentId: string;

  /** run i: rmse = i / 100, model xgb for even i, team risk for i < 10, FINISHED for i % 3 == 0. */
  beforeAll(async () => {
    tracking = await startTracking();
    mlflow = new MlflowRestClient(tracking.httpUrl);
    experimentId = (await mlflow.post('experiments/create', { name: 'search' })).body.experiment_id as string;
    otherExperimentId = (await mlflow.post('experiments/create', { name: 'other' })).body
      .experiment_id as string;
    for (let i = 0; i < 30; i++) {
      const run = await mlflow.post('runs/create', {
        experiment_id: experimentId,
        run_name: `run-${String(i).padStart(2, '0')}`,
        start_time: 1_700_000_000_000 + i * 1000,
      });
      const runId = run.body.run.info.run_id as string;
      await mlflow.post('runs/log-batch', {
        run_id: runId,
        metrics: [{ key: 'rmse', value: i / 100, timestamp: 1, step: 0 }],
        params: [{ key: 'model', value: i % 2 === 0 ? 'xgb' : 'linear' }],
        tags: i < 10 ? [{ key: 'team', value: 'risk' }] : [],
      });
      if (i % 3 === 0)
        await mlflow.post('runs/update', { run_id: runId, status: 'FINISHED', end_time: 1_700_000_100_000 });
    }
    await mlflow.post('runs/create', { experiment_id: otherExperimentId, run_name: 'elsewhere' });
  });
  afterAll(() => tracking.stop());

  async function search(body: Record<string, unknown>) {
    const answer = await mlflow.post<{ runs?: RunJson[]; next_page_token?: string }>('runs/search', {
      experiment_ids: [experimentId],
      ...body,
    });
    expect(answer.status).toBe(200);
    return answer.body;
  }

  const names = (runs: RunJson[] | undefined) => (runs ?? []).map((run) => run.info.run_name);

  it('returns the newest runs first by default', async () => {
    const { runs } = await search({ max_results: 3 });
    expect(names(runs)).toEqual(['run-29', 'run-28', 'run-27']);
  });

  it('filters on metrics, params, tags and attributes together', async () => {
    const { runs } = await search({
      filter:
        "metrics.rmse < 0.5 and params.model = 'xgb' and tags.team = 'risk' and attributes.status = 'FINISHED'",
      order_by: ['metrics.rmse ASC'],
    });
    expect(names(runs)).toEqual(['run-00', 'run-06']);
    expect(runs![0]!.data.metrics).toEqual([{ key: 'rmse', value: 0, timestamp: 1, step: 0 }]);
  });

  it('orders by a metric and pages through all matches with tokens, without gaps or repeats', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await search({
        filter: "params.model = 'linear'",
        order_by: ['metrics.rmse DESC'],
        max_results: 4,
        page_token: token,
      });
      seen.push(...names(page.runs));
      token = page.next_page_token;
    } while (token);
    expect(seen).toEqual(Array.from({ length: 15 }, (_, k) => `run-${String(29 - 2 * k).padStart(2, '0')}`));
  });

  it('supports LIKE, IN on run ids, and searching several experiments', async () => {
    const like = await search({ filter: "attributes.run_name LIKE 'run-1%'" });
    expect(names(like.runs)).toHaveLength(10);
    const some = like.runs!.slice(0, 2).map((run) => run.info.run_id);
    const byId = await search({ filter: `attributes.run_id IN ('${some[0]}', '${some[1]}')` });
    expect(names(byId.runs).sort()).toEqual(names(like.runs!.slice(0, 2)).sort());
    const both = await mlflow.post('runs/search', {
      experiment_ids: [experimentId, otherExperimentId],
      max_results: 50,
    });
    expect(both.body.runs).toHaveLength(31);
  });

  it('leaves deleted runs out unless the view type asks for them', async () => {
    const victim = (await search({ filter: "attributes.run_name = 'run-05'" })).runs![0]!.info.run_id;
    await mlflow.post('runs/delete', { run_id: victim });
    expect(names((await search({ filter: "attributes.run_name = 'run-05'" })).runs)).toEqual([]);
    const deleted = await search({ filter: "attributes.run_name = 'run-05'", run_view_type: 'DELETED_ONLY' });
    expect(names(deleted.runs)).toEqual(['run-05']);
    await mlflow.post('runs/restore', { run_id: victim });
  });

  it('refuses a malformed filter or ordering with INVALID_PARAMETER_VALUE naming the problem', async () => {
    const badFilter = await mlflow.post('runs/search', {
      experiment_ids: [experimentId],
      filter: "metrics.rmse < 'a'",
    });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: expect.stringContaining('Expected numeric value type for metric'),
    });
    const badOrder = await mlflow.post('runs/search', {
      experiment_ids: [experimentId],
      order_by: ['attributes.nope'],
    });
    expect(badOrder.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect(badOrder.body.message).toContain("Invalid attribute key 'nope'");
    const tooMany = await mlflow.post('runs/search', { experiment_ids: [experimentId], max_results: 50_001 });
    expect(tooMany.body.message).toBe(
      "Invalid value 50001 for parameter 'max_results' supplied. It must be at most 50000",
    );
  });
});
