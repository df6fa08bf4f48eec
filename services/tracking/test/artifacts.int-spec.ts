import { randomBytes } from 'node:crypto';
import { Metadata, status } from '@grpc/grpc-js';
import { type Loose, type TrackingStub, trackingStub, unary } from './grpc-client';
import { MlflowRestClient } from './mlflow-client';
import { startTracking, type TrackingUnderTest } from './tracking-harness';

const CHUNK = 64 * 1024;

describe('artifacts over the MLflow proxy and gRPC', () => {
  let tracking: TrackingUnderTest;
  let mlflow: MlflowRestClient;
  let stub: TrackingStub;
  let runId: string;
  /** The run's artifact root as the proxy names it: `<experiment_id>/<run_id>/artifacts`. */
  let root: string;

  beforeAll(async () => {
    tracking = await startTracking();
    mlflow = new MlflowRestClient(tracking.httpUrl);
    stub = trackingStub(tracking.grpcAddress);
    const run = (await mlflow.post('runs/create', {})).body.run;
    runId = run.info.run_id as string;
    root = (run.info.artifact_uri as string).replace('mlflow-artifacts:/', '');
  });
  afterAll(async () => {
    stub.close();
    await tracking.stop();
  });

  const proxyUrl = (path = '') => `${tracking.httpUrl}/api/2.0/mlflow-artifacts/artifacts${path}`;

  async function put(path: string, body: Buffer, contentType: string): Promise<number> {
    const response = await fetch(proxyUrl(`/${path}`), {
      method: 'PUT',
      headers: { 'content-type': contentType },
      body,
    });
    return response.status;
  }

  async function download(path: string): Promise<{ status: number; bytes: Buffer }> {
    const response = await fetch(proxyUrl(`/${path}`));
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  function grpcUpload(path: string, bytes: Buffer, forRun = runId): Promise<Loose> {
    return new Promise((resolve, reject) => {
      const call = stub.uploadArtifact(new Metadata(), (error, response) =>
        error ? reject(error) : resolve(response),
      );
      call.write({ header: { runId: forRun, path, contentType: 'application/octet-stream' } });
      for (let offset = 0; offset < bytes.length; offset += CHUNK)
        call.write({ chunk: bytes.subarray(offset, offset + CHUNK) });
      call.end();
    });
  }

  function grpcDownload(path: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const call = stub.downloadArtifact({ runId, path });
      call.on('data', (message: { chunk: Buffer }) => chunks.push(message.chunk));
      call.on('end', () => resolve(Buffer.concat(chunks)));
      call.on('error', reject);
    });
  }

  it('stores what mlflow.log_artifact PUTs and serves it back byte for byte, whatever its content type', async () => {
    const json = Buffer.from('{"input_example": [1, 2, 3]}');
    const model = randomBytes(3 * 1024 * 1024 + 17);
    expect(await put(`${root}/input_example.json`, json, 'application/json')).toBe(200);
    expect(await put(`${root}/model/model.onnx`, model, 'application/octet-stream')).toBe(200);
    expect(await put(`${root}/model/MLmodel`, Buffer.from('flavors: {}\n'), 'text/plain')).toBe(200);

    expect((await download(`${root}/input_example.json`)).bytes.equals(json)).toBe(true);
    const downloaded = await download(`${root}/model/model.onnx`);
    expect(downloaded.status).toBe(200);
    expect(downloaded.bytes.equals(model)).toBe(true);
  });

  it('lists the files and directories directly under a path, as the client lists them', async () => {
    const rootList = await fetch(`${proxyUrl()}?path=${encodeURIComponent(root)}`);
    expect(await rootList.json()).toEqual({
      files: [
        { path: 'input_example.json', is_dir: false, file_size: 28 },
        { path: 'model', is_dir: true },
      ],
    });
    const modelList = (await (
      await fetch(`${proxyUrl()}?path=${encodeURIComponent(`${root}/model`)}`)
    ).json()) as Loose;
    expect(modelList.files.map((f: { path: string }) => f.path)).toEqual(['MLmodel', 'model.onnx']);
    const runList = await mlflow.get('artifacts/list', { run_id: runId, path: 'model' });
    expect(runList.body).toEqual({
      root_uri: `mlflow-artifacts:/${root}`,
      files: [
        { path: 'model/MLmodel', is_dir: false, file_size: 12 },
        { path: 'model/model.onnx', is_dir: false, file_size: 3 * 1024 * 1024 + 17 },
      ],
    });
  });

  it('answers 404 for a missing artifact and 400 for a path that would leave the proxy root', async () => {
    const missing = await fetch(proxyUrl(`/${root}/nope.bin`));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: `Artifact '${root}/nope.bin' does not exist`,
    });
    const escaping = await fetch(`${proxyUrl()}?path=${encodeURIComponent('../other-service')}`);
    expect(escaping.status).toBe(400);
    expect(((await escaping.json()) as Loose).error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('uploads over a gRPC client stream and downloads over a server stream, byte-identical both ways', async () => {
    const bytes = randomBytes(2 * 1024 * 1024 + 5);
    const uploaded = await grpcUpload('data/train.parquet', bytes);
    expect(uploaded.file).toEqual({ path: 'data/train.parquet', isDir: false, fileSize: bytes.length });

    expect((await grpcDownload('data/train.parquet')).equals(bytes)).toBe(true);
    expect((await download(`${root}/data/train.parquet`)).bytes.equals(bytes)).toBe(true);
    expect((await grpcDownload('model/model.onnx')).length).toBe(3 * 1024 * 1024 + 17);

    const listed = await unary(stub, 'listArtifacts', { runId, path: 'data' });
    expect(listed).toEqual({
      rootUri: `mlflow-artifacts:/${root}`,
      files: [{ path: 'data/train.parquet', isDir: false, fileSize: bytes.length }],
    });
  });

  it('refuses gRPC uploads without a header, to unknown runs, and downloads of missing files', async () => {
    await expect(
      new Promise((resolve, reject) => {
        const call = stub.uploadArtifact(new Metadata(), (error, response) =>
          error ? reject(error) : resolve(response),
        );
        call.write({ chunk: Buffer.from('no header') });
        call.end();
      }),
    ).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('header') });
    await expect(grpcUpload('x.bin', Buffer.from('x'), 'f'.repeat(32))).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
    await expect(grpcDownload('nope.bin')).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  it('deletes an artifact directory through the proxy', async () => {
    await put(`${root}/tmp/a.txt`, Buffer.from('a'), 'text/plain');
    await put(`${root}/tmp/b/c.txt`, Buffer.from('c'), 'text/plain');
    expect((await fetch(proxyUrl(`/${root}/tmp`), { method: 'DELETE' })).status).toBe(200);
    const listed = (await (
      await fetch(`${proxyUrl()}?path=${encodeURIComponent(`${root}/tmp`)}`)
    ).json()) as Loose;
    expect(listed).toEqual({});
  });
});
