import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@flywheel/testing';
import { startTracking, type TrackingUnderTest } from './tracking-harness';

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('forwarding the MLflow model-registry routes to the registry', () => {
  let registry: Server;
  let tracking: TrackingUnderTest;
  const seen: Seen[] = [];

  beforeAll(async () => {
    registry = createServer((request, response) => {
      void bodyOf(request).then((body) => {
        seen.push({
          method: request.method!,
          url: request.url!,
          authorization: request.headers.authorization,
          contentType: request.headers['content-type'],
          body,
        });
        if (request.url!.includes('missing')) {
          response.writeHead(404, { 'content-type': 'application/json' });
          response.end(
            JSON.stringify({
              error_code: 'RESOURCE_DOES_NOT_EXIST',
              message: 'Registered Model with name=missing not found',
            }),
          );
          return;
        }
        // Streamed in parts, as a large search answer would be.
        response.writeHead(200, { 'content-type': 'application/json', 'x-registry': 'yes' });
        response.write('{"registered_models":');
        setTimeout(() => response.end('[{"name":"fraud"}]}'), 20);
      });
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    const { port } = registry.address() as AddressInfo;
    tracking = await startTracking({ registryUrl: `http://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await tracking.stop();
    await new Promise((resolve) => registry.close(resolve));
  });

  it('passes method, path, query, body and authorization unchanged and streams the answer back', async () => {
    const body = '{"name": "fraud",  "tags": []}';
    const response = await fetch(`${tracking.httpUrl}/api/2.0/mlflow/registered-models/create`, {
      method: 'POST',
      headers: { authorization: 'Bearer fwk_test_token', 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-registry')).toBe('yes');
    expect(await response.json()).toEqual({ registered_models: [{ name: 'fraud' }] });
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      url: '/api/2.0/mlflow/registered-models/create',
      authorization: 'Bearer fwk_test_token',
      contentType: 'application/json',
      body,
    });
  });

  it('forwards GET, PATCH and DELETE of both API prefixes and relays the registry errors as they are', async () => {
    await fetch(
      `${tracking.httpUrl}/api/2.0/mlflow/registered-models/search?filter=name%3D%27a%27&max_results=5`,
    );
    expect(seen.at(-1)).toMatchObject({
      method: 'GET',
      url: '/api/2.0/mlflow/registered-models/search?filter=name%3D%27a%27&max_results=5',
    });
    await fetch(`${tracking.httpUrl}/api/2.0/preview/mlflow/model-versions/update`, {
      method: 'PATCH',
      body: '{}',
    });
    expect(seen.at(-1)).toMatchObject({
      method: 'PATCH',
      url: '/api/2.0/preview/mlflow/model-versions/update',
      body: '{}',
    });
    await fetch(`${tracking.httpUrl}/api/2.0/mlflow/registered-models/alias?name=a&alias=b`, {
      method: 'DELETE',
    });
    expect(seen.at(-1)).toMatchObject({
      method: 'DELETE',
      url: '/api/2.0/mlflow/registered-models/alias?name=a&alias=b',
    });

    const missing = await fetch(`${tracking.httpUrl}/api/2.0/mlflow/registered-models/get?name=missing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: 'Registered Model with name=missing not found',
    });
  });

  it('answers 503 TEMPORARILY_UNAVAILABLE in MLflow form when the registry is unreachable', async () => {
    const unreachable = await startTracking({ registryUrl: `http://127.0.0.1:${await freePort()}` });
    try {
      const response = await fetch(
        `${unreachable.httpUrl}/api/2.0/mlflow/model-versions/get?name=a&version=1`,
      );
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        error_code: 'TEMPORARILY_UNAVAILABLE',
        message: expect.stringMatching(
          /^the model registry at http:\/\/127\.0\.0\.1:\d+ is unreachable: .*ECONNREFUSED/,
        ),
      });
    } finally {
      await unreachable.stop();
    }
  });
});
