import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditLogRepository } from '@flywheel/identity';
import { uniqueName, waitFor } from '@flywheel/testing';
import { type RegistryHarness, mlflow, startRegistry } from './registry-harness';

describe('MLflow model-registry REST API', () => {
  let registry: RegistryHarness;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: Record<string, unknown>) =>
    mlflow(registry.httpUrl, method, path, body);

  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(() => registry.close());

  function artifactUri(name: string): string {
    const dir = join(registry.artifactDir, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'MLmodel'), 'flavors: {}\n');
    return `file://${dir}`;
  }

  it('creates, reads, versions, aliases and deletes a model with MLflow field names', async () => {
    const name = uniqueName('churn');
    const created = await call('POST', 'registered-models/create', { name, description: 'churn model', tags: [{ key: 'team', value: 'risk' }] });
    expect(created).toMatchObject({ status: 200, body: { registered_model: { name, description: 'churn model', tags: [{ key: 'team', value: 'risk' }], aliases: [] } } });
    expect(typeof created.body.registered_model.creation_timestamp).toBe('number');

    const v1 = await call('POST', 'model-versions/create', { name, source: artifactUri('m1'), run_id: 'run1', tags: [{ key: 'gate', value: 'passed' }] });
    expect(v1.body.model_version).toMatchObject({ name, version: '1', current_stage: 'None', status: 'READY', run_id: 'run1', tags: [{ key: 'gate', value: 'passed' }], aliases: [] });
    await call('POST', 'model-versions/create', { name, source: 'mlflow-artifacts:/1/abc/artifacts/model' });

    expect(await call('POST', 'registered-models/alias', { name, alias: 'champion', version: '2' })).toEqual({ status: 200, body: {} });
    const byAlias = await call('GET', 'registered-models/alias', { name, alias: 'champion' });
    expect(byAlias.body.model_version).toMatchObject({ name, version: '2', aliases: ['champion'] });
    const model = await call('GET', 'registered-models/get', { name });
    expect(model.body.registered_model.aliases).toEqual([{ alias: 'champion', version: '2' }]);

    const download = await call('GET', 'model-versions/get-download-uri', { name, version: '2' });
    expect(download.body).toEqual({ artifact_uri: 'mlflow-artifacts:/1/abc/artifacts/model' });
    const v2 = await registry.grpc.call('getModelVersion', { name, version: 2 });
    expect(v2.modelVersion?.storageUri).toBe(`file://${registry.artifactDir}/mlflow-artifacts/1/abc/artifacts/model`);

    expect(await call('DELETE', 'registered-models/alias', { name, alias: 'champion' })).toEqual({ status: 200, body: {} });
    // MLflow answers a lookup of an unset alias with INVALID_PARAMETER_VALUE, and its client checks it.
    expect(await call('GET', 'registered-models/alias', { name, alias: 'champion' })).toMatchObject({
      status: 400,
      body: { error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining('champion') },
    });
    expect((await call('DELETE', 'model-versions/delete', { name, version: '1' })).status).toBe(200);
    expect((await call('DELETE', 'registered-models/delete', { name })).status).toBe(200);
    expect((await call('GET', 'registered-models/get', { name })).status).toBe(404);
  });

  it('transitions stages, archives the previous Production version and reports latest versions', async () => {
    const name = uniqueName('stages');
    await call('POST', 'registered-models/create', { name });
    for (let i = 0; i < 3; i += 1) await call('POST', 'model-versions/create', { name, source: artifactUri(`${name}-${i}`) });
    await call('POST', 'model-versions/transition-stage', { name, version: '1', stage: 'Production', archive_existing_versions: false });
    const moved = await call('POST', 'model-versions/transition-stage', { name, version: '2', stage: 'production', archive_existing_versions: true });
    expect(moved.body.model_version).toMatchObject({ version: '2', current_stage: 'Production' });
    expect((await call('GET', 'model-versions/get', { name, version: '1' })).body.model_version.current_stage).toBe('Archived');

    const latest = await call('POST', 'registered-models/get-latest-versions', { name, stages: ['Production', 'None'] });
    expect(latest.body.model_versions.map((v: { version: string; current_stage: string }) => [v.version, v.current_stage])).toEqual([
      ['3', 'None'],
      ['2', 'Production'],
    ]);
    const viaGet = await call('GET', 'registered-models/get-latest-versions', { name, stages: ['Archived'] });
    expect(viaGet.body.model_versions.map((v: { version: string }) => v.version)).toEqual(['1']);
    const badArchive = await call('POST', 'model-versions/transition-stage', { name, version: '3', stage: 'Archived', archive_existing_versions: true });
    expect(badArchive).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
  });

  it('deletes an alias that is not set as a successful no-op, leaving no audit entry, as MLflow does', async () => {
    const name = uniqueName('no_alias');
    await call('POST', 'registered-models/create', { name });
    expect(await call('DELETE', 'registered-models/alias', { name, alias: 'never_set' })).toEqual({ status: 200, body: {} });
    const audit = new AuditLogRepository(await registry.resources.postgres(), { schema: registry.options.auditSchema });
    const entries = (await audit.query({ target: { type: 'registered_model', id: name } })).entries;
    expect(entries.map((entry) => entry.action)).toEqual(['models.register']);
    // The model itself must still exist, as in MLflow.
    expect(await call('DELETE', 'registered-models/alias', { name: uniqueName('missing'), alias: 'x' })).toMatchObject({
      status: 404,
      body: { error_code: 'RESOURCE_DOES_NOT_EXIST' },
    });
  });

  it('answers routes it does not have under the MLflow prefixes with 404 ENDPOINT_NOT_FOUND', async () => {
    for (const path of ['/api/2.0/mlflow/registered-models/no-such-endpoint', '/api/2.0/preview/mlflow/no-such-endpoint']) {
      const response = await fetch(`${registry.httpUrl}${path}`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error_code: 'ENDPOINT_NOT_FOUND', message: `No API found for 'POST ${path}'` });
    }
    const outside = await fetch(`${registry.httpUrl}/no-such-page`);
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({ statusCode: 404 });
  });

  it('searches models and versions with MLflow filters and pages with next_page_token', async () => {
    const prefix = uniqueName('search');
    for (const suffix of ['a', 'b', 'c']) {
      await call('POST', 'registered-models/create', { name: `${prefix}_${suffix}`, tags: [{ key: 'tier', value: suffix === 'b' ? 'gold' : 'silver' }] });
      await call('POST', 'model-versions/create', { name: `${prefix}_${suffix}`, source: artifactUri(`${prefix}-${suffix}`), run_id: `run_${suffix}` });
    }
    const first = await call('GET', 'registered-models/search', { filter: `name LIKE '${prefix}%'`, max_results: 2, order_by: ['name DESC'] });
    expect(first.body.registered_models.map((m: { name: string }) => m.name)).toEqual([`${prefix}_c`, `${prefix}_b`]);
    const second = await call('GET', 'registered-models/search', { filter: `name LIKE '${prefix}%'`, max_results: 2, order_by: ['name DESC'], page_token: first.body.next_page_token });
    expect(second.body.registered_models.map((m: { name: string }) => m.name)).toEqual([`${prefix}_a`]);
    expect(second.body.next_page_token).toBeUndefined();

    const gold = await call('GET', 'registered-models/search', { filter: `name LIKE '${prefix}%' AND tags.tier = 'gold'` });
    expect(gold.body.registered_models.map((m: { name: string }) => m.name)).toEqual([`${prefix}_b`]);
    const versions = await call('GET', 'model-versions/search', { filter: `run_id IN ('run_a', 'run_c') AND name LIKE '${prefix}%'` });
    expect(versions.body.model_versions.map((v: { name: string }) => v.name).sort()).toEqual([`${prefix}_a`, `${prefix}_c`]);
    const bad = await call('GET', 'model-versions/search', { filter: 'metrics.x > 1' });
    expect(bad).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
  });

  it('updates, renames and tags models and versions, also under the preview prefix', async () => {
    const name = uniqueName('edit');
    await call('POST', 'registered-models/create', { name });
    await call('POST', 'model-versions/create', { name, source: artifactUri(name) });
    const preview = await fetch(`${registry.httpUrl}/api/2.0/preview/mlflow/registered-models/get?name=${name}`);
    expect(preview.status).toBe(200);
    expect(((await preview.json()) as { registered_model: { name: string } }).registered_model.name).toBe(name);

    expect((await call('PATCH', 'registered-models/update', { name, description: 'new' })).body.registered_model.description).toBe('new');
    expect((await call('PATCH', 'model-versions/update', { name, version: '1', description: 'v1' })).body.model_version.description).toBe('v1');
    await call('POST', 'registered-models/set-tag', { name, key: 'k', value: 'v' });
    await call('POST', 'model-versions/set-tag', { name, version: '1', key: 'vk', value: 'vv' });
    expect((await call('GET', 'model-versions/get', { name, version: '1' })).body.model_version.tags).toEqual([{ key: 'vk', value: 'vv' }]);
    expect((await call('DELETE', 'model-versions/delete-tag', { name, version: '1', key: 'vk' })).status).toBe(200);
    expect((await call('DELETE', 'registered-models/delete-tag', { name, key: 'k' })).status).toBe(200);
    expect(await call('DELETE', 'registered-models/delete-tag', { name, key: 'k' })).toMatchObject({ status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });

    const renamed = await call('POST', 'registered-models/rename', { name, new_name: `${name}_v2` });
    expect(renamed.body.registered_model.name).toBe(`${name}_v2`);
    expect((await call('GET', 'model-versions/get', { name: `${name}_v2`, version: '1' })).body.model_version.name).toBe(`${name}_v2`);
  });

  it('answers bad input with MLflow error codes and statuses', async () => {
    const name = uniqueName('errors');
    await call('POST', 'registered-models/create', { name });
    expect(await call('POST', 'registered-models/create', { name })).toEqual({
      status: 400,
      body: { error_code: 'RESOURCE_ALREADY_EXISTS', message: `Registered Model (name=${name}) already exists.` },
    });
    expect(await call('GET', 'registered-models/get', { name: `${name}_missing` })).toEqual({
      status: 404,
      body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: `Registered Model with name=${name}_missing not found` },
    });
    expect(await call('POST', 'registered-models/alias', { name, alias: 'champion', version: '7' })).toEqual({
      status: 404,
      body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: `Model Version (name=${name}, version=7) not found` },
    });
    const badName = await call('POST', 'registered-models/create', { name: 'bad/name' });
    expect(badName).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(badName.body.message).toMatch(/^name: invalid registered model name "bad\/name"/);
    const outside = await call('POST', 'model-versions/create', { name, source: 'http://169.254.169.254/latest' });
    expect(outside).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(outside.body.message).toMatch(/^source: /);
    const escaping = await call('POST', 'model-versions/create', { name, source: 'mlflow-artifacts:/../../etc' });
    expect(escaping).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(await call('GET', 'model-versions/get', { name, version: 'x' })).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(await call('POST', 'registered-models/create', {})).toMatchObject({
      status: 400,
      body: { error_code: 'INVALID_PARAMETER_VALUE', message: "name: Missing value for required parameter 'name'" },
    });
  });

  it('publishes every change as an event, in order, for consumers of the topic', async () => {
    const name = uniqueName('events');
    await call('POST', 'registered-models/create', { name, description: 'd' });
    await call('POST', 'model-versions/create', { name, source: artifactUri(name), run_id: 'r1' });
    await call('POST', 'registered-models/alias', { name, alias: 'challenger', version: '1' });
    const events = await waitFor(() => {
      const mine = registry.events.filter((event) => event.modelName === name);
      return mine.length >= 3 && mine;
    });
    expect(events.map((event) => Object.keys(event).find((key) => !['eventId', 'modelName', 'occurredAtMs', 'actor', 'change'].includes(key) && (event as never)[key] != null))).toEqual([
      'modelCreated',
      'versionCreated',
      'aliasSet',
    ]);
    expect(events[1]?.versionCreated).toMatchObject({ version: 1, runId: 'r1', sourceUri: `file://${registry.artifactDir}/${name}` });
    expect(events[2]?.aliasSet).toEqual({ alias: 'challenger', version: 1, previousVersion: 0 });
    expect(events.every((event) => event.actor === 'authentication disabled')).toBe(true);
  });
});
