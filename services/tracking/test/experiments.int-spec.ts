import { MlflowRestClient } from './mlflow-client';
import { startTracking, type TrackingUnderTest } from './tracking-harness';

describe('MLflow REST: experiments', () => {
  let tracking: TrackingUnderTest;
  let mlflow: MlflowRestClient;

  beforeAll(async () => {
    tracking = await startTracking();
    mlflow = new MlflowRestClient(tracking.httpUrl);
  });
  afterAll(() => tracking.stop());

  it('has the default experiment "0" named "Default" from the start', async () => {
    const { status, body } = await mlflow.get('experiments/get', { experiment_id: '0' });
    expect(status).toBe(200);
    expect(body.experiment).toMatchObject({
      experiment_id: '0',
      name: 'Default',
      artifact_location: 'mlflow-artifacts:/0',
      lifecycle_stage: 'active',
    });
  });

  it('creates an experiment with tags and reads it by id and by name', async () => {
    const created = await mlflow.post('experiments/create', {
      name: 'fraud',
      tags: [{ key: 'team', value: 'risk' }],
    });
    expect(created.status).toBe(200);
    const id = created.body.experiment_id as string;
    expect(id).toMatch(/^[1-9]\d*$/);

    const byName = await mlflow.get('experiments/get-by-name', { experiment_name: 'fraud' });
    expect(byName.body.experiment).toEqual({
      experiment_id: id,
      name: 'fraud',
      artifact_location: `mlflow-artifacts:/${id}`,
      lifecycle_stage: 'active',
      creation_time: expect.any(Number),
      last_update_time: expect.any(Number),
      tags: [{ key: 'team', value: 'risk' }],
    });
    expect((await mlflow.get('experiments/get', { experiment_id: id })).body).toEqual(byName.body);
  });

  it('refuses a taken name with RESOURCE_ALREADY_EXISTS and writes nothing', async () => {
    await mlflow.post('experiments/create', { name: 'taken' });
    const again = await mlflow.post('experiments/create', {
      name: 'taken',
      tags: [{ key: 'x', value: 'y' }],
    });
    expect(again).toEqual({
      status: 400,
      body: { error_code: 'RESOURCE_ALREADY_EXISTS', message: 'Experiment(name=taken) already exists.' },
    });
  });

  it('answers RESOURCE_DOES_NOT_EXIST with 404 for unknown ids and names, and 400 for malformed ids', async () => {
    expect(await mlflow.get('experiments/get', { experiment_id: '987654321' })).toEqual({
      status: 404,
      body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'No Experiment with id=987654321 exists' },
    });
    expect(await mlflow.get('experiments/get-by-name', { experiment_name: 'nope' })).toEqual({
      status: 404,
      body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: "Could not find experiment with name 'nope'" },
    });
    expect(await mlflow.get('experiments/get', { experiment_id: 'abc' })).toMatchObject({
      status: 400,
      body: { error_code: 'INVALID_PARAMETER_VALUE', message: "Invalid experiment ID: 'abc'" },
    });
    expect(
      await mlflow.post('experiments/create', { name: 'elsewhere', artifact_location: 's3://other/x' }),
    ).toMatchObject({
      status: 400,
      body: {
        error_code: 'INVALID_PARAMETER_VALUE',
        message: expect.stringContaining('artifact_location is not supported'),
      },
    });
    expect(await mlflow.post('experiments/create', {})).toMatchObject({
      status: 400,
      body: {
        error_code: 'INVALID_PARAMETER_VALUE',
        message: expect.stringContaining("Missing value for required parameter 'name'"),
      },
    });
  });

  it('renames, sets and deletes tags', async () => {
    const id = (await mlflow.post('experiments/create', { name: 'old-name' })).body.experiment_id as string;
    expect(
      (await mlflow.post('experiments/update', { experiment_id: id, new_name: 'new-name' })).status,
    ).toBe(200);
    expect(
      (await mlflow.post('experiments/set-experiment-tag', { experiment_id: id, key: 'k', value: 'v1' }))
        .status,
    ).toBe(200);
    await mlflow.post('experiments/set-experiment-tag', { experiment_id: id, key: 'k', value: 'v2' });
    let experiment = (await mlflow.get('experiments/get', { experiment_id: id })).body.experiment;
    expect(experiment).toMatchObject({ name: 'new-name', tags: [{ key: 'k', value: 'v2' }] });

    expect(
      (await mlflow.post('experiments/delete-experiment-tag', { experiment_id: id, key: 'k' })).status,
    ).toBe(200);
    experiment = (await mlflow.get('experiments/get', { experiment_id: id })).body.experiment;
    expect(experiment.tags).toBeUndefined();
    expect(
      await mlflow.post('experiments/delete-experiment-tag', { experiment_id: id, key: 'k' }),
    ).toMatchObject({
      status: 404,
      body: { error_code: 'RESOURCE_DOES_NOT_EXIST' },
    });
  });

  it('deletes an experiment with its runs and restores both', async () => {
    const id = (await mlflow.post('experiments/create', { name: 'to-delete' })).body.experiment_id as string;
    const run = (await mlflow.post('runs/create', { experiment_id: id, start_time: 1 })).body.run;
    expect((await mlflow.post('experiments/delete', { experiment_id: id })).status).toBe(200);

    expect((await mlflow.get('experiments/get', { experiment_id: id })).body.experiment.lifecycle_stage).toBe(
      'deleted',
    );
    expect((await mlflow.get('runs/get', { run_id: run.info.run_id })).body.run.info.lifecycle_stage).toBe(
      'deleted',
    );
    expect(await mlflow.post('runs/create', { experiment_id: id })).toMatchObject({
      status: 400,
      body: { message: `The experiment ${id} must be in the 'active' state. Current state is deleted.` },
    });
    expect(await mlflow.post('experiments/delete', { experiment_id: id })).toMatchObject({ status: 404 });

    expect((await mlflow.post('experiments/restore', { experiment_id: id })).status).toBe(200);
    expect((await mlflow.get('experiments/get', { experiment_id: id })).body.experiment.lifecycle_stage).toBe(
      'active',
    );
    expect((await mlflow.get('runs/get', { run_id: run.info.run_id })).body.run.info.lifecycle_stage).toBe(
      'active',
    );
  });

  it('searches by filter, order, view type and pages with tokens', async () => {
    for (const name of ['search-a', 'search-b', 'search-c']) {
      await mlflow.post('experiments/create', { name, tags: [{ key: 'group', value: 'searched' }] });
    }
    const deleted = (
      await mlflow.post('experiments/create', {
        name: 'search-deleted',
        tags: [{ key: 'group', value: 'searched' }],
      })
    ).body.experiment_id as string;
    await mlflow.post('experiments/delete', { experiment_id: deleted });

    const first = await mlflow.post('experiments/search', {
      filter: "tags.group = 'searched' AND name LIKE 'search-%'",
      order_by: ['name DESC'],
      max_results: 2,
    });
    expect(first.status).toBe(200);
    expect(first.body.experiments.map((e: { name: string }) => e.name)).toEqual(['search-c', 'search-b']);
    const second = await mlflow.get('experiments/search', {
      filter: "tags.group = 'searched' AND name LIKE 'search-%'",
      order_by: 'name DESC',
      max_results: '2',
      page_token: first.body.next_page_token as string,
    });
    expect(second.body.experiments.map((e: { name: string }) => e.name)).toEqual(['search-a']);
    expect(second.body.next_page_token).toBeUndefined();

    const all = await mlflow.post('experiments/search', {
      filter: "tags.group = 'searched'",
      view_type: 'ALL',
    });
    expect(all.body.experiments).toHaveLength(4);
    const onlyDeleted = await mlflow.post('experiments/search', {
      filter: "tags.group = 'searched'",
      view_type: 'DELETED_ONLY',
    });
    expect(onlyDeleted.body.experiments.map((e: { name: string }) => e.name)).toEqual(['search-deleted']);
  });

  it('refuses a malformed filter with INVALID_PARAMETER_VALUE naming the problem', async () => {
    const answer = await mlflow.post('experiments/search', { filter: 'name =' });
    expect(answer.status).toBe(400);
    expect(answer.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect(answer.body.message).toMatch(/filter/);
  });
});
