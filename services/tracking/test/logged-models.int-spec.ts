import type { Loose } from './grpc-client';
import { MlflowRestClient } from './mlflow-client';
import { startTracking, type TrackingUnderTest } from './tracking-harness';

describe('MLflow 3 logged models over the MLflow REST API', () => {
  let tracking: TrackingUnderTest;
  let mlflow: MlflowRestClient;
  let experimentId: string;
  let runId: string;

  beforeAll(async () => {
    tracking = await startTracking();
    mlflow = new MlflowRestClient(tracking.httpUrl);
    experimentId = (await mlflow.post('experiments/create', { name: 'logged-models' })).body
      .experiment_id as string;
    runId = (await mlflow.post('runs/create', { experiment_id: experimentId })).body.run.info
      .run_id as string;
  });
  afterAll(async () => {
    await tracking.stop();
  });

  async function createModel(body: Record<string, unknown> = {}): Promise<Loose> {
    const answer = await mlflow.post('logged-models', { experiment_id: experimentId, ...body });
    expect(answer.status).toBe(200);
    return answer.body.model;
  }

  it('creates a PENDING model with its params and tags, artifacts under the experiment, as log_model does', async () => {
    const model = await createModel({
      name: 'model',
      source_run_id: runId,
      model_type: 'sklearn',
      params: [{ key: 'alpha', value: '0.5' }],
      tags: [{ key: 'mlflow.source.type', value: 'LOCAL' }],
    });
    const id = model.info.model_id as string;
    expect(id).toMatch(/^m-[0-9a-f]{32}$/);
    expect(model).toEqual({
      info: {
        model_id: id,
        experiment_id: experimentId,
        name: 'model',
        creation_timestamp_ms: expect.any(Number),
        last_updated_timestamp_ms: expect.any(Number),
        artifact_uri: `mlflow-artifacts:/${experimentId}/models/${id}/artifacts`,
        status: 'LOGGED_MODEL_PENDING',
        model_type: 'sklearn',
        source_run_id: runId,
        tags: [{ key: 'mlflow.source.type', value: 'LOCAL' }],
      },
      data: { params: [{ key: 'alpha', value: '0.5' }] },
    });
    expect((await mlflow.get(`logged-models/${id}`, {})).body.model).toEqual(model);
  });

  it('gives a model without a name a random one, and refuses names with URI characters', async () => {
    expect((await createModel()).info.name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
    const bad = await mlflow.post('logged-models', { experiment_id: experimentId, name: 'a/b' });
    expect(bad).toEqual({
      status: 400,
      body: {
        error_code: 'INVALID_PARAMETER_VALUE',
        message: expect.stringContaining("Invalid model name ('a/b')"),
      },
    });
  });

  it('refuses a missing experiment_id and an unknown experiment with MLflow error codes', async () => {
    expect((await mlflow.post('logged-models', {})).body.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect(await mlflow.post('logged-models', { experiment_id: '987654' })).toEqual({
      status: 404,
      body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'No Experiment with id=987654 exists' },
    });
  });

  it('finalizes a model to READY by value name and to UPLOAD_FAILED by number', async () => {
    const id = (await createModel()).info.model_id as string;
    const ready = await mlflow.send('PATCH', `logged-models/${id}`, {
      model_id: id,
      status: 'LOGGED_MODEL_READY',
    });
    expect(ready.body.model.info.status).toBe('LOGGED_MODEL_READY');
    const failed = await mlflow.send('PATCH', `logged-models/${id}`, { model_id: id, status: 3 });
    expect(failed.body.model.info.status).toBe('LOGGED_MODEL_UPLOAD_FAILED');
    const missing = await mlflow.send('PATCH', `logged-models/${id}`, { model_id: id });
    expect(missing.body.error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('sets tags (last value of a repeated key wins), deletes one with a / in its key, and 404s an unknown one', async () => {
    const id = (await createModel()).info.model_id as string;
    const set = await mlflow.send('PATCH', `logged-models/${id}/tags`, {
      tags: [
        { key: 'team/owner', value: 'risk' },
        { key: 'stage', value: 'a' },
        { key: 'stage', value: 'b' },
      ],
    });
    expect(set).toEqual({ status: 200, body: {} });
    expect((await mlflow.get(`logged-models/${id}`, {})).body.model.info.tags).toEqual([
      { key: 'stage', value: 'b' },
      { key: 'team/owner', value: 'risk' },
    ]);
    expect((await mlflow.send('DELETE', `logged-models/${id}/tags/team/owner`, {})).status).toBe(200);
    expect((await mlflow.get(`logged-models/${id}`, {})).body.model.info.tags).toEqual([
      { key: 'stage', value: 'b' },
    ]);
    expect(await mlflow.send('DELETE', `logged-models/${id}/tags/nope`, {})).toEqual({
      status: 404,
      body: {
        error_code: 'RESOURCE_DOES_NOT_EXIST',
        message: `No tag with key 'nope' found for model with ID '${id}'.`,
      },
    });
  });

  it('logs params: the same value again is a no-op, another value is refused and nothing of the batch is written', async () => {
    const id = (await createModel({ params: [{ key: 'alpha', value: '1' }] })).info.model_id as string;
    expect(
      (
        await mlflow.post(`logged-models/${id}/params`, {
          model_id: id,
          params: [
            { key: 'alpha', value: '1' },
            { key: 'beta', value: '2' },
          ],
        })
      ).status,
    ).toBe(200);
    const changed = await mlflow.post(`logged-models/${id}/params`, {
      model_id: id,
      params: [
        { key: 'alpha', value: '9' },
        { key: 'gamma', value: '3' },
      ],
    });
    expect(changed.status).toBe(400);
    expect(changed.body.message).toContain('["alpha"]');
    expect((await mlflow.get(`logged-models/${id}`, {})).body.model.data.params).toEqual([
      { key: 'alpha', value: '1' },
      { key: 'beta', value: '2' },
    ]);
  });

  it('soft-deletes a model: 404 afterwards unless allow_deleted=true', async () => {
    const id = (await createModel()).info.model_id as string;
    expect((await mlflow.send('DELETE', `logged-models/${id}`, { model_id: id })).status).toBe(200);
    expect(await mlflow.get(`logged-models/${id}`, {})).toEqual({
      status: 404,
      body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: `Logged model with ID '${id}' not found.` },
    });
    const deleted = await mlflow.get(`logged-models/${id}`, { allow_deleted: 'true' });
    expect(deleted.body.model.info.model_id).toBe(id);
    expect((await mlflow.send('DELETE', 'logged-models/m-00000000000000000000000000000000', {})).status).toBe(
      404,
    );
  });

  it('records run outputs for existing models of an active run, shown in runs/get, refusing unknown models', async () => {
    const id = (await createModel({ source_run_id: runId })).info.model_id as string;
    expect(await mlflow.post('runs/outputs', { run_id: runId, models: [{ model_id: id, step: 3 }] })).toEqual(
      {
        status: 200,
        body: {},
      },
    );
    const run = (await mlflow.get('runs/get', { run_id: runId })).body.run;
    expect(run.outputs).toEqual({ model_outputs: [{ model_id: id, step: 3 }] });
    const unknown = await mlflow.post('runs/outputs', { run_id: runId, models: [{ model_id: 'm-0123' }] });
    expect(unknown.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await mlflow.post('runs/outputs', { run_id: runId })).body.error_code).toBe(
      'INVALID_PARAMETER_VALUE',
    );
  });

  it('records metrics logged with a model_id for that model too, refusing the whole batch for an unknown model', async () => {
    const id = (await createModel({ source_run_id: runId })).info.model_id as string;
    const logged = await mlflow.post('runs/log-batch', {
      run_id: runId,
      metrics: [
        {
          key: 'acc',
          value: 0.9,
          timestamp: 10,
          step: 1,
          model_id: id,
          dataset_name: 'eval',
          dataset_digest: 'd1',
        },
        { key: 'loss', value: 'NaN', timestamp: 11, step: 1, model_id: id },
        { key: 'run_only', value: 1, timestamp: 12, step: 1 },
      ],
    });
    expect(logged).toEqual({ status: 200, body: {} });
    expect((await mlflow.get(`logged-models/${id}`, {})).body.model.data.metrics).toEqual([
      {
        key: 'acc',
        value: 0.9,
        timestamp: 10,
        step: 1,
        dataset_name: 'eval',
        dataset_digest: 'd1',
        model_id: id,
        run_id: runId,
      },
      { key: 'loss', value: 'NaN', timestamp: 11, step: 1, model_id: id, run_id: runId },
    ]);
    const unknown = await mlflow.post('runs/log-batch', {
      run_id: runId,
      metrics: [{ key: 'refused', value: 1, timestamp: 13, model_id: 'm-ffffffffffffffffffffffffffffffff' }],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    const run = (await mlflow.get('runs/get', { run_id: runId })).body.run;
    expect((run.data.metrics as Loose[]).map((m) => m.key)).not.toContain('refused');
  });

  describe('search', () => {
    let searchExperiment: string;
    const ids: string[] = [];

    beforeAll(async () => {
      searchExperiment = (await mlflow.post('experiments/create', { name: 'logged-models-search' })).body
        .experiment_id as string;
      for (const [index, name] of ['alpha', 'model', 'model'].entries()) {
        const answer = await mlflow.post('logged-models', {
          experiment_id: searchExperiment,
          name,
          source_run_id: runId,
          params: [{ key: 'depth', value: String(index) }],
          tags: [{ key: 'team', value: index === 0 ? 'risk' : 'growth' }],
        });
        ids.push(answer.body.model.info.model_id as string);
      }
    });

    const search = (body: Record<string, unknown>) =>
      mlflow.post('logged-models/search', { experiment_ids: [searchExperiment], ...body });
    const idsOf = (body: Loose): string[] =>
      ((body.models ?? []) as Loose[]).map((m) => m.info.model_id as string);

    it('finds the models of a run by name, as the client does for runs:/<run>/<name>, newest first', async () => {
      const page = await search({ filter: "name = 'model'" });
      expect(idsOf(page.body)).toEqual([ids[2], ids[1]]);
    });

    it('filters on params and tags and orders by structured order_by', async () => {
      expect(idsOf((await search({ filter: "params.depth = '0'" })).body)).toEqual([ids[0]]);
      expect(idsOf((await search({ filter: "tags.team = 'growth'" })).body)).toEqual([ids[2], ids[1]]);
      const byName = await search({
        order_by: [{ field_name: 'name', ascending: false }, { field_name: 'creation_timestamp' }],
      });
      expect(idsOf(byName.body)).toEqual([ids[1], ids[2], ids[0]]);
    });

    it("filters and orders on each model's latest metric value", async () => {
      const metric = (modelId: string, value: number, timestamp: number) => ({
        key: 'acc',
        value,
        timestamp,
        step: 0,
        model_id: modelId,
      });
      await mlflow.post('runs/log-batch', {
        run_id: runId,
        metrics: [
          metric(ids[1]!, 0.2, 1),
          metric(ids[1]!, 0.95, 2),
          metric(ids[2]!, 0.9, 1),
          metric(ids[2]!, 0.4, 2),
        ],
      });
      expect(idsOf((await search({ filter: 'metrics.acc > 0.5' })).body)).toEqual([ids[1]]);
      const best = await search({ order_by: [{ field_name: 'metrics.acc', ascending: false }] });
      expect(idsOf(best.body)).toEqual([ids[1], ids[2], ids[0]]);
    });

    it('pages with next_page_token and leaves out deleted models', async () => {
      const first = await search({ max_results: 2 });
      expect(idsOf(first.body)).toEqual([ids[2], ids[1]]);
      const second = await search({ max_results: 2, page_token: first.body.next_page_token });
      expect(second.body).toEqual({ models: [expect.objectContaining({})] });
      expect(idsOf(second.body)).toEqual([ids[0]]);
      await mlflow.send('DELETE', `logged-models/${ids[0]}`, {});
      expect(idsOf((await search({})).body)).toEqual([ids[2], ids[1]]);
    });

    it('answers an empty page as {} and refuses a bad filter, an unsortable field and missing experiment_ids', async () => {
      expect((await search({ filter: "name = 'none'" })).body).toEqual({});
      expect((await search({ filter: 'name ~ 1' })).body.error_code).toBe('INVALID_PARAMETER_VALUE');
      expect((await search({ order_by: [{ field_name: 'params.depth' }] })).body.error_code).toBe(
        'INVALID_PARAMETER_VALUE',
      );
      expect((await mlflow.post('logged-models/search', {})).body.error_code).toBe('INVALID_PARAMETER_VALUE');
    });
  });
});
