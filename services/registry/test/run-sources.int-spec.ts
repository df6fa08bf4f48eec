import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { uniqueName } from '@flywheel/testing';
import { type RegistryHarness, mlflow, startRegistry } from './registry-harness';

// The tracking service's MLflow REST answer for runs/get, served on loopback: the registry
// resolves `runs:/` sources through it, forwarding the caller's authorization.
describe('runs:/ sources resolved through the tracking service', () => {
  let tracking: Server;
  let registry: RegistryHarness;
  const seenAuthorization: (string | undefined)[] = [];

  beforeAll(async () => {
    tracking = createServer((request, response) => {
      seenAuthorization.push(request.headers.authorization);
      const runId = new URL(request.url ?? '', 'http://x').searchParams.get('run_id');
      response.setHeader('content-type', 'application/json');
      if (request.url?.startsWith('/api/2.0/mlflow/runs/get') && runId === 'run9') {
        response.end(JSON.stringify({ run: { info: { run_id: 'run9', artifact_uri: 'mlflow-artifacts:/5/run9/artifacts' } } }));
      } else {
        response.statusCode = 404;
        response.end(JSON.stringify({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: `Run '${runId}' not found` }));
      }
    });
    await new Promise<void>((resolve) => tracking.listen(0, '127.0.0.1', resolve));
    registry = await startRegistry({ trackingUrl: `http://127.0.0.1:${(tracking.address() as AddressInfo).port}` });
  });
  afterAll(async () => {
    await registry.close();
    await new Promise((resolve) => tracking.close(resolve));
  });

  it('stores the run artifact location under the root and records the run', async () => {
    const name = uniqueName('from_run');
    await mlflow(registry.httpUrl, 'POST', 'registered-models/create', { name });
    const created = await mlflow(registry.httpUrl, 'POST', 'model-versions/create', { name, source: 'runs:/run9/model' }, { authorization: 'Bearer caller-token' });
    expect(created.body.model_version).toMatchObject({ source: 'runs:/run9/model', run_id: 'run9', status: 'READY' });
    const version = await registry.grpc.call('getModelVersion', { name, version: 1 });
    expect(version.modelVersion?.storageUri).toBe(`file://${registry.artifactDir}/mlflow-artifacts/5/run9/artifacts/model`);
    expect(seenAuthorization).toContain('Bearer caller-token');
    expect((await mlflow(registry.httpUrl, 'GET', 'model-versions/get-download-uri', { name, version: '1' })).body).toEqual({
      artifact_uri: 'mlflow-artifacts:/5/run9/artifacts/model',
    });
  });

  it('refuses a run the tracking service does not know', async () => {
    const name = uniqueName('unknown_run');
    await mlflow(registry.httpUrl, 'POST', 'registered-models/create', { name });
    const created = await mlflow(registry.httpUrl, 'POST', 'model-versions/create', { name, source: 'runs:/nope/model' });
    expect(created).toEqual({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE', message: 'source: run nope does not exist in the tracking service' } });
  });
});
