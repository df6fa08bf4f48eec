import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { type Client, type ServiceClientConstructor, type ServiceError, Metadata, credentials, loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS, protoPath, registryV1 } from '@flywheel/contracts';
import { type ArtifactStore, createArtifactStore } from '@flywheel/storage';
import { testStack, uniqueName } from '@flywheel/testing';
import { startStackPlatform, type StackPlatform } from './support/stack-platform';

// What a plain `mlflow.register_model("runs:/<run>/model", name)` does against the platform:
// the model files go through the tracking service's artifact proxy, the version is registered
// from the run, and the serving gateway later reads `<storage URI>/model.onnx` from the store.
// The registry must resolve the source to where the proxy put the files.
describe('a model registered from a run whose artifacts went through the tracking proxy', () => {
  let platform: StackPlatform;
  let store: ArtifactStore;

  beforeAll(async () => {
    platform = await startStackPlatform('mlflow_artifacts_source', ['tracking', 'registry']);
    const { s3 } = testStack();
    store = createArtifactStore(platform.artifactRoot, {
      endpoint: s3.endpoint,
      region: s3.region,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
  });

  afterAll(async () => {
    await store?.close();
    await platform?.dispose();
  });

  it('resolves runs:/<run>/model to the stored files, readable as <source>/model.onnx', async () => {
    const tracking = platform.flywheel.trackingUri;
    const runCreated = await postJson(`${tracking}/api/2.0/mlflow/runs/create`, { experiment_id: '0' });
    const { run_id: runId, artifact_uri: artifactUri } = (runCreated as { run: { info: { run_id: string; artifact_uri: string } } }).run.info;
    const proxied = artifactUri.replace(/^mlflow-artifacts:\/+/, '');
    const onnx = randomBytes(4096);
    const upload = await fetch(`${tracking}/api/2.0/mlflow-artifacts/artifacts/${proxied}/model/model.onnx`, {
      method: 'PUT',
      body: onnx,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(upload.status).toBe(200);

    const name = uniqueName('proxied_model');
    const registry = platform.flywheel.registryUri;
    await postJson(`${registry}/api/2.0/mlflow/registered-models/create`, { name });
    const created = await postJson(`${registry}/api/2.0/mlflow/model-versions/create`, {
      name,
      source: `runs:/${runId}/model`,
      run_id: runId,
    });
    expect(created.model_version).toMatchObject({ source: `runs:/${runId}/model`, status: 'READY' });

    const version = await getModelVersion(`127.0.0.1:${platform.flywheel.ports.registryGrpc}`, name, 1);
    expect(version.storageUri).toBe(`${platform.artifactRoot}/mlflow-artifacts/${proxied}/model`);
    const key = `${version.storageUri.slice(platform.artifactRoot.length + 1)}/model.onnx`;
    expect(await bytesOf(await store.get(key))).toEqual(onnx);
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked by matchers
async function postJson(url: string, body: Record<string, unknown>): Promise<Record<string, any>> {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${text}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  return JSON.parse(text) as Record<string, any>;
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The registry's own view of a version over gRPC, where its storage URI is given. */
function getModelVersion(address: string, name: string, version: number): Promise<{ storageUri: string }> {
  const loaded = loadPackageDefinition(loadSync(protoPath(registryV1.protobufFileName), PROTO_LOADER_OPTIONS)) as unknown as {
    flywheel: { registry: { v1: { RegistryService: ServiceClientConstructor } } };
  };
  const client = new loaded.flywheel.registry.v1.RegistryService(address, credentials.createInsecure()) as Client &
    Record<string, (request: unknown, metadata: Metadata, callback: (error: ServiceError | null, response: unknown) => void) => void>;
  return new Promise((resolve, reject) => {
    client['getModelVersion']!({ name, version }, new Metadata(), (error, response) => {
      client.close();
      if (error) reject(error);
      else resolve((response as { modelVersion: { storageUri: string } }).modelVersion);
    });
  });
}
