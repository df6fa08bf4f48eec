import { MlflowRestClient } from './mlflow-client';
import { startTracking, type TrackingUnderTest } from './tracking-harness';

describe('MLflow REST: runs and logging', () => {
  let tracking: TrackingUnderTest;
  let mlflow: MlflowRestClient;
  let experimentId: string;

  beforeAll(async () => {
    tracking = await startTracking();
    mlflow = new MlflowRestClient(tracking.httpUrl);
    experimentId = (await mlflow.post('experiments/create', { name: 'runs' })).body.experiment_id as string;
  });
  afterAll(() => tracking.stop());

  async function newRun(body: Record<string, unknown> = {}): Promise<string> {
    const created = await mlflow.post('runs/create', {
      experiment_id: experimentId,
      start_time: 1_700_000_000_000,
      ...body,
    });
    expect(created.status).toBe(200);
    return created.body.run.info.run_id as string;
  }

  async function runData(runId: string) {
    return (await mlflow.get('runs/get', { run_id: runId })).body.run.data as Record<
      string,
      { key: string; value: string }[] | undefined
    >;
  }

  it('creates a RUNNING run whose artifacts go through the proxy, with run_uuid beside run_id', async () => {
    const { status, body } = await mlflow.post('runs/create', {
      experiment_id: experimentId,
      user_id: 'alice',
      start_time: 1_700_000_000_000,
      run_name: 'first',
      tags: [{ key: 'team', value: 'risk' }],
    });
    expect(status).toBe(200);
    const runId = body.run.info.run_id as string;
    expect(runId).toMatch(/^[0-9a-f]{32}$/);
    expect(body.run).toEqual({
      info: {
        run_id: runId,
        run_uuid: runId,
        run_name: 'first',
        experiment_id: experimentId,
        user_id: 'alice',
        status: 'RUNNING',
        start_time: 1_700_000_000_000,
        artifact_uri: `mlflow-artifacts:/${experimentId}/${runId}/artifacts`,
        lifecycle_stage: 'active',
      },
      data: {
        tags: [
          { key: 'mlflow.runName', value: 'first' },
          { key: 'team', value: 'risk' },
        ],
      },
      inputs: {},
      outputs: {},
    });
  });

  it('puts runs without an experiment into the default experiment "0"', async () => {
    const { body } = await mlflow.post('runs/create', {});
    expect(body.run.info.experiment_id).toBe('0');
    expect(body.run.info.run_name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
  });

  it('answers RESOURCE_DOES_NOT_EXIST for a run in an unknown experiment and for an unknown run', async () => {
    expect(await mlflow.post('runs/create', { experiment_id: '424242' })).toEqual({
      status: 404,
      body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'No Experiment with id=424242 exists' },
    });
    expect(await mlflow.get('runs/get', { run_id: 'f'.repeat(32) })).toEqual({
      status: 404,
      body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: `Run with id=${'f'.repeat(32)} not found` },
    });
  });

  it('finishes, renames, deletes and restores a run', async () => {
    const runId = await newRun();
    const updated = await mlflow.post('runs/update', {
      run_id: runId,
      run_uuid: runId,
      status: 'FINISHED',
      end_time: 1_700_000_060_000,
      run_name: 'renamed',
    });
    expect(updated.body.run_info).toMatchObject({
      status: 'FINISHED',
      end_time: 1_700_000_060_000,
      run_name: 'renamed',
    });
    expect(await runData(runId)).toMatchObject({ tags: [{ key: 'mlflow.runName', value: 'renamed' }] });

    expect((await mlflow.post('runs/delete', { run_id: runId })).status).toBe(200);
    expect((await mlflow.get('runs/get', { run_id: runId })).body.run.info.lifecycle_stage).toBe('deleted');
    expect(await mlflow.post('runs/log-metric', { run_id: runId, key: 'x', value: 1, timestamp: 1 })).toEqual(
      {
        status: 400,
        body: {
          error_code: 'INVALID_PARAMETER_VALUE',
          message: `The run ${runId} must be in the 'active' state. Current state is deleted.`,
        },
      },
    );
    expect((await mlflow.post('runs/restore', { run_id: runId })).status).toBe(200);
    expect((await mlflow.get('runs/get', { run_id: runId })).body.run.info.lifecycle_stage).toBe('active');
  });

  it('logs metrics, params and tags one by one and in batches, returning the latest metric values', async () => {
    const runId = await newRun();
    await mlflow.post('runs/log-metric', { run_id: runId, key: 'loss', value: 0.9, timestamp: 10, step: 0 });
    await mlflow.post('runs/log-parameter', { run_id: runId, key: 'lr', value: '0.1' });
    await mlflow.post('runs/set-tag', { run_id: runId, key: 'stage', value: 'train' });
    const batch = await mlflow.post('runs/log-batch', {
      run_id: runId,
      metrics: [
        { key: 'loss', value: 0.5, timestamp: 20, step: 1 },
        { key: 'loss', value: 0.7, timestamp: 30, step: 0 },
        { key: 'auc', value: 'NaN', timestamp: 20, step: 1 },
      ],
      params: [{ key: 'model', value: 'xgb' }],
      tags: [{ key: 'stage', value: 'eval' }],
    });
    expect(batch).toEqual({ status: 200, body: {} });

    const data = await runData(runId);
    expect(data.metrics).toEqual([
      { key: 'auc', value: 'NaN', timestamp: 20, step: 1 },
      { key: 'loss', value: 0.5, timestamp: 20, step: 1 },
    ]);
    expect(data.params).toEqual([
      { key: 'lr', value: '0.1' },
      { key: 'model', value: 'xgb' },
    ]);
    expect(data.tags).toContainEqual({ key: 'stage', value: 'eval' });
  });

  it('keeps the whole metric history in timestamp, step, value order, paged on request', async () => {
    const runId = await newRun();
    const metrics = [
      { key: 'm', value: 3, timestamp: 300, step: 2 },
      { key: 'm', value: 1, timestamp: 100, step: 0 },
      { key: 'm', value: 2, timestamp: 200, step: 1 },
      { key: 'm', value: -1.5e300, timestamp: 200, step: 1 },
      { key: 'm', value: 1, timestamp: 100, step: 0 },
    ];
    await mlflow.post('runs/log-batch', { run_id: runId, metrics });
    const history = await mlflow.get('metrics/get-history', { run_id: runId, metric_key: 'm' });
    expect(history.body.metrics.map((m: { value: number }) => m.value)).toEqual([1, -1.5e300, 2, 3]);

    const page1 = await mlflow.get('metrics/get-history', {
      run_id: runId,
      metric_key: 'm',
      max_results: '3',
    });
    expect(page1.body.metrics).toHaveLength(3);
    const page2 = await mlflow.get('metrics/get-history', {
      run_id: runId,
      metric_key: 'm',
      max_results: '3',
      page_token: page1.body.next_page_token as string,
    });
    expect(page2.body).toEqual({ metrics: [{ key: 'm', value: 3, timestamp: 300, step: 2 }] });
  });

  it('samples histories of several runs evenly, keeping the first and last point', async () => {
    const runs = [await newRun(), await newRun()];
    for (const runId of runs) {
      const metrics = Array.from({ length: 100 }, (_, step) => ({
        key: 'acc',
        value: step / 100,
        timestamp: step,
        step,
      }));
      await mlflow.post('runs/log-batch', { run_id: runId, metrics });
    }
    const { status, body } = await mlflow.get('metrics/get-history-bulk-interval', {
      run_ids: runs,
      metric_key: 'acc',
      max_results: '10',
    });
    expect(status).toBe(200);
    for (const runId of runs) {
      const steps = (body.metrics as { run_id: string; step: number }[])
        .filter((m) => m.run_id === runId)
        .map((m) => m.step);
      expect(steps).toHaveLength(10);
      expect(steps[0]).toBe(0);
      expect(steps[9]).toBe(99);
    }
  });

  it('refuses to change a logged param and writes nothing of that batch', async () => {
    const runId = await newRun();
    await mlflow.post('runs/log-parameter', { run_id: runId, key: 'depth', value: '3' });
    expect(await mlflow.post('runs/log-parameter', { run_id: runId, key: 'depth', value: '3' })).toEqual({
      status: 200,
      body: {},
    });
    expect(await mlflow.post('runs/log-parameter', { run_id: runId, key: 'depth', value: '5' })).toEqual({
      status: 400,
      body: {
        error_code: 'INVALID_PARAMETER_VALUE',
        message: `Changing param values is not allowed. Param with key='depth' was already logged with value='3' for run ID='${runId}'. Attempted logging new value '5'.`,
      },
    });
    const refused = await mlflow.post('runs/log-batch', {
      run_id: runId,
      metrics: [{ key: 'written', value: 1, timestamp: 1 }],
      params: [
        { key: 'new', value: 'x' },
        { key: 'depth', value: '4' },
      ],
      tags: [{ key: 'written', value: 'yes' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('"key":"depth","old_value":"3","new_value":"4"');
    expect(await runData(runId)).toEqual({
      params: [{ key: 'depth', value: '3' }],
      tags: [expect.objectContaining({ key: 'mlflow.runName' })],
    });
  });

  it("enforces MLflow's log-batch limits with its error code, writing nothing", async () => {
    const runId = await newRun();
    const metrics = Array.from({ length: 1001 }, (_, i) => ({ key: 'm', value: i, timestamp: i }));
    expect(await mlflow.post('runs/log-batch', { run_id: runId, metrics })).toEqual({
      status: 400,
      body: {
        error_code: 'INVALID_PARAMETER_VALUE',
        message:
          'A batch logging request can contain at most 1000 metrics. Got 1001 metrics. Please split up metrics across multiple requests and try again.',
      },
    });
    const params = Array.from({ length: 101 }, (_, i) => ({ key: `p${i}`, value: 'v' }));
    expect((await mlflow.post('runs/log-batch', { run_id: runId, params })).body.message).toContain(
      'at most 100 params',
    );
    const total = {
      run_id: runId,
      metrics: metrics.slice(0, 950),
      tags: Array.from({ length: 51 }, (_, i) => ({ key: `t${i}`, value: 'v' })),
    };
    expect((await mlflow.post('runs/log-batch', total)).body.message).toContain(
      'at most 1000 metrics, params, and tags',
    );
    const huge = { run_id: runId, tags: [{ key: 'big', value: 'x'.repeat(1_000_001) }] };
    expect(await mlflow.post('runs/log-batch', huge)).toMatchObject({
      status: 400,
      body: {
        error_code: 'INVALID_PARAMETER_VALUE',
        message: expect.stringMatching(/at most 1000000 bytes, got a request of size 10000\d\d/),
      },
    });
    expect(await runData(runId)).toEqual({ tags: [expect.objectContaining({ key: 'mlflow.runName' })] });
  });

  it('names the bad field of an invalid metric, and a missing run id', async () => {
    const runId = await newRun();
    const bad = await mlflow.post('runs/log-batch', {
      run_id: runId,
      metrics: [
        { key: 'ok', value: 1, timestamp: 1 },
        { key: 'a/../b', value: 1, timestamp: 1 },
      ],
    });
    expect(bad.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: expect.stringContaining('Invalid value "a/../b" for parameter \'metrics[1].name\' supplied'),
    });
    const noTimestamp = await mlflow.post('runs/log-batch', {
      run_id: runId,
      metrics: [{ key: 'ok', value: 1 }],
    });
    expect(noTimestamp.body.message).toContain("Missing value for required parameter 'metrics[0].timestamp'");
    expect((await mlflow.post('runs/log-batch', { metrics: [] })).body.message).toContain(
      "Missing value for required parameter 'run_id'",
    );
    expect((await runData(runId)).metrics).toBeUndefined();
  });

  it('deletes tags and keeps the run name in step with the mlflow.runName tag', async () => {
    const runId = await newRun({ run_name: 'before' });
    await mlflow.post('runs/set-tag', { run_id: runId, key: 'mlflow.runName', value: 'after' });
    expect((await mlflow.get('runs/get', { run_id: runId })).body.run.info.run_name).toBe('after');
    await mlflow.post('runs/set-tag', { run_id: runId, key: 'temp', value: '1' });
    expect((await mlflow.post('runs/delete-tag', { run_id: runId, key: 'temp' })).status).toBe(200);
    expect(await mlflow.post('runs/delete-tag', { run_id: runId, key: 'temp' })).toEqual({
      status: 404,
      body: {
        error_code: 'RESOURCE_DOES_NOT_EXIST',
        message: `No tag with name: temp in run with id ${runId}`,
      },
    });
  });

  it('records models logged by 2.x clients in the mlflow.log-model.history tag', async () => {
    const runId = await newRun();
    const model = {
      artifact_path: 'model',
      flavors: { python_function: {} },
      utc_time_created: '2025-01-01',
      run_id: runId,
    };
    expect(await mlflow.post('runs/log-model', { run_id: runId, model_json: JSON.stringify(model) })).toEqual(
      { status: 200, body: {} },
    );
    await mlflow.post('runs/log-model', {
      run_id: runId,
      model_json: JSON.stringify({ ...model, artifact_path: 'second' }),
    });
    const history = (await runData(runId)).tags!.find((tag) => tag.key === 'mlflow.log-model.history');
    expect(JSON.parse(history!.value)).toEqual([model, { ...model, artifact_path: 'second' }]);
    expect(
      await mlflow.post('runs/log-model', { run_id: runId, model_json: '{"run_id": "x"}' }),
    ).toMatchObject({
      status: 400,
      body: {
        error_code: 'INVALID_PARAMETER_VALUE',
        message: expect.stringContaining('missing mandatory fields'),
      },
    });
  });

  it('finds no MLflow 3 logged models, which this server does not keep', async () => {
    expect(await mlflow.post('logged-models/search', { experiment_ids: [experimentId] })).toEqual({
      status: 200,
      body: {},
    });
  });

  it('logs dataset inputs once per name and digest, with their tags', async () => {
    const runId = await newRun();
    const dataset = {
      name: 'train.csv',
      digest: 'abc123',
      source_type: 'local',
      source: '{"uri": "/data/train.csv"}',
    };
    const input = { dataset, tags: [{ key: 'mlflow.data.context', value: 'train' }] };
    expect((await mlflow.post('runs/log-inputs', { run_id: runId, datasets: [input, input] })).status).toBe(
      200,
    );
    await mlflow.post('runs/log-inputs', { run_id: runId, datasets: [input] });
    const { body } = await mlflow.get('runs/get', { run_id: runId });
    expect(body.run.inputs).toEqual({ dataset_inputs: [input] });
  });
});
