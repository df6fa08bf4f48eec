import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, Metadata, type ServiceClientConstructor, type ServiceError, credentials, loadPackageDefinition, status } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { loadPlatformConfig } from '@flywheel/config';
import { PROTO_LOADER_OPTIONS, inferenceV2, protoPath } from '@flywheel/contracts';
import { PlatformModule, PlatformResources, REAL_OPENERS } from '@flywheel/platform';
import { ServiceHost } from '@flywheel/service-kit';
import { freePorts } from '@flywheel/testing';
import { servingGatewayService } from '../src/serving-gateway.definition';
import { servingOptionsFromEnv } from '../src/serving-options';

type Unary = (request: unknown, metadata: Metadata, callback: (error: ServiceError | null, response: unknown) => void) => void;

// The gateway hosted by the kit in standalone shape (in-process bus, file artifacts), with its
// registry unreachable: the protocol's health calls answer, and inference fails cleanly with
// the status a client can act on instead of hanging or crashing.
describe('serving gateway hosted by the ServiceHost (standalone bus, registry down)', () => {
  let host: ServiceHost;
  let resources: PlatformResources;
  let dataDir: string;
  let client: Client & Record<string, Unary>;
  let httpUrl: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'serving-int-'));
    const [grpcPort, httpPort, deadRegistry] = await freePorts(3);
    const config = loadPlatformConfig({
      FLYWHEEL_DATA_DIR: dataDir,
      FLYWHEEL_ARTIFACT_ROOT: `file://${join(dataDir, 'artifacts')}`,
      FLYWHEEL_SERVING_GRPC_PORT: String(grpcPort),
      FLYWHEEL_SERVING_HTTP_PORT: String(httpPort),
    });
    resources = new PlatformResources(config, REAL_OPENERS);
    const definition = servingGatewayService(config, resources, servingOptionsFromEnv({ FLYWHEEL_SERVING_REGISTRY_ADDRESS: `127.0.0.1:${deadRegistry}` }, 0));
    host = await ServiceHost.start([{ ...definition, imports: [...(definition.imports ?? []), PlatformModule.forResources(resources)] }], {
      host: '127.0.0.1',
      adminPort: 0,
      renderMetrics: () => Promise.resolve(''),
      shutdownTimeoutMs: 5_000,
      auth: { enabled: false },
      limits: config.limits,
    });
    const loaded = loadPackageDefinition(loadSync(protoPath(inferenceV2.protobufFileName), PROTO_LOADER_OPTIONS)) as unknown as { inference: { GRPCInferenceService: ServiceClientConstructor } };
    client = new loaded.inference.GRPCInferenceService(`127.0.0.1:${grpcPort}`, credentials.createInsecure()) as Client & Record<string, Unary>;
    httpUrl = `http://127.0.0.1:${httpPort}`;
  });

  afterAll(async () => {
    client?.close();
    await host?.stop();
    await resources?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = <T>(method: string, request: unknown) =>
    new Promise<T>((resolve, reject) => client[method]!(request, new Metadata(), (error, response) => (error ? reject(error) : resolve(response as T))));

  it('declares every route it serves', () => {
    const [served] = host.routes;
    expect(served?.served.filter((route) => !(route in served.table))).toEqual([]);
  });

  it('answers ServerLive, ServerReady and ServerMetadata over gRPC, and the REST health routes', async () => {
    await expect(call('serverLive', {})).resolves.toEqual({ live: true });
    await expect(call('serverReady', {})).resolves.toEqual({ ready: true });
    await expect(call('serverMetadata', {})).resolves.toMatchObject({ name: 'flywheel-serving-gateway' });
    expect((await fetch(`${httpUrl}/v2/health/live`)).status).toBe(200);
    expect(await (await fetch(`${httpUrl}/v2/health/ready`)).json()).toEqual({ ready: true });
  });

  it('fails inference with UNAVAILABLE / 503 naming the model while the registry is down', async () => {
    const request = { modelName: 'churn', inputs: [{ name: 'features', datatype: 'FP32', shape: [1, 1], contents: { fp32Contents: [1] } }] };
    await expect(call('modelInfer', request)).rejects.toMatchObject({ code: status.UNAVAILABLE, details: expect.stringContaining('churn') as unknown });
    const response = await fetch(`${httpUrl}/v2/models/churn/infer`, { method: 'POST', body: JSON.stringify({ inputs: [{ name: 'features', datatype: 'FP32', shape: [1], data: [1] }] }) });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: expect.stringContaining('churn') as unknown });
  });

  it('refuses a malformed request before any lookup, with INVALID_ARGUMENT / 400 naming the field', async () => {
    await expect(call('modelInfer', { modelName: 'churn', inputs: [{ name: 'features', datatype: 'FP16', shape: [1] }] })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('inputs[0].datatype') as unknown,
    });
    const response = await fetch(`${httpUrl}/v2/models/churn/infer`, { method: 'POST', body: 'not json' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'body: expected a JSON object' });
  });
});
