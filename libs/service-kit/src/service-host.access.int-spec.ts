import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import {
  Body,
  Controller,
  Get,
  Inject,
  Injectable,
  Module,
  type OnModuleInit,
  Post,
  Put,
  Req,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { ApiKeyAuthenticator, ApiKeyRepository, migrateIdentitySchema } from '@flywheel/identity';
import { type PgPool, createPgPool } from '@flywheel/postgres';
import { freePort, testStack, uniqueName } from '@flywheel/testing';
import { checkGrpcHealth } from './grpc-probes';
import { STREAMED_BODY } from './http-server-setup';
import { ReadinessProbe } from './readiness-probe';
import { RequestLimits } from './request-limits';
import type { ServiceDefinition } from './service-definition';
import { ServiceHost } from './service-host';

// ServiceHost with authentication on (keys in PostgreSQL) and tight limits, on real ports:
// the guard, rate limit, body limit, handler deadline and page-size accessor every service gets.

const PEPPER = 'service-host-access-int-pepper';
let releaseStuck: () => void = () => undefined;
const stuck = new Promise<void>((resolve) => (releaseStuck = resolve));

@Injectable()
class ItemsService {
  constructor(@Inject(RequestLimits) private readonly limits: RequestLimits) {}
  pageSize(requested: number): number {
    return this.limits.clampPageSize(requested);
  }
}

@Controller('items')
class ItemsController {
  constructor(@Inject(ItemsService) private readonly items: ItemsService) {}

  @Post()
  create(@Body() body: unknown) {
    return { created: JSON.stringify(body).length };
  }

  @Get()
  list() {
    return { pageSize: this.items.pageSize(5_000) };
  }

  @Get('stuck')
  async stuck() {
    await stuck;
    return {};
  }

  @Get('unlisted')
  unlisted() {
    return {};
  }

  @Put('upload')
  @RouteConfig(STREAMED_BODY)
  async upload(@Req() request: FastifyRequest) {
    let bytes = 0;
    for await (const chunk of request.body as Readable) bytes += (chunk as Buffer).length;
    return { bytes };
  }
}

/** Hands octet-stream bodies to handlers as the raw stream, as artifact uploads need. */
@Injectable()
class RawUploads implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly adapter: HttpAdapterHost) {}
  onModuleInit() {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    fastify.addContentTypeParser('application/octet-stream', (_request, payload, done) =>
      done(null, payload),
    );
  }
}

@Module({
  controllers: [ItemsController],
  providers: [
    ItemsService,
    RawUploads,
    { provide: ReadinessProbe, useValue: { check: () => Promise.resolve([]) } },
  ],
})
class ItemsModule {}

function post(url: string, body: string, token: string, chunked = false) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: unknown }>(
    (resolve, reject) => {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      };
      if (!chunked) headers['content-length'] = String(Buffer.byteLength(body));
      const req = httpRequest(url, { method: 'POST', headers }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: JSON.parse(text) }),
        );
      });
      req.on('error', reject);
      // Written in pieces: without content-length Node sends them chunked.
      for (let at = 0; at < body.length; at += 512) req.write(body.slice(at, at + 512));
      req.end();
    },
  );
}

describe('ServiceHost access control and limits', () => {
  const schema = uniqueName('host_access');
  let pool: PgPool;
  let host: ServiceHost;
  let http: string;
  let grpc: string;
  let scientist: string;
  let viewer: string;

  beforeAll(async () => {
    pool = createPgPool({ connectionString: testStack().databaseUrl, maxConnections: 4 });
    await migrateIdentitySchema(pool, schema);
    const keys = new ApiKeyRepository(pool, { pepper: PEPPER, schema });
    scientist = (await keys.create({ name: 'trainer', role: 'scientist', createdBy: 'test' })).token;
    viewer = (await keys.create({ name: 'dashboards', role: 'viewer', createdBy: 'test' })).token;
    const definition: ServiceDefinition = {
      name: 'tracking',
      module: ItemsModule,
      routes: {
        'http:POST /items': 'runs.write',
        'http:GET /items': 'runs.read',
        'http:GET /items/stuck': 'runs.read',
        'http:PUT /items/upload': 'artifacts.write',
      },
      grpc: { port: await freePort(), packages: [], protoFiles: [] },
      http: { port: await freePort() },
    };
    host = await ServiceHost.start([definition], {
      host: '127.0.0.1',
      adminPort: 0,
      renderMetrics: () => Promise.resolve(''),
      shutdownTimeoutMs: 2_000,
      auth: { enabled: true, authenticator: new ApiKeyAuthenticator(keys, { pepper: PEPPER }) },
      limits: { maxRequestBytes: 2048, maxPageSize: 50, rateLimitPerSecond: 1, requestTimeoutMs: 300 },
    });
    http = host.addresses.find((a) => a.protocol === 'http' && a.owner === 'tracking')!.address;
    grpc = host.addresses.find((a) => a.protocol === 'grpc')!.address;
  });

  afterAll(async () => {
    releaseStuck();
    await host?.stop();
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.close();
  });

  it('refuses a request without a key with 401 and the JSON error body', async () => {
    const response = await fetch(`${http}/items`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error_code: 'UNAUTHENTICATED',
      message: 'route http:GET /items requires a valid API key or token',
    });
  });

  it('refuses a role below the route action with 403', async () => {
    const response = await post(`${http}/items`, '{}', viewer);
    expect(response).toMatchObject({ status: 403, body: { error_code: 'PERMISSION_DENIED' } });
  });

  it('refuses a served route missing from the table, whoever calls', async () => {
    const response = await fetch(`${http}/items/unlisted`, {
      headers: { authorization: `Bearer ${scientist}` },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      message: 'route http:GET /items/unlisted is not in the access policy table',
    });
  });

  it('keeps gRPC health public with authentication on', async () => {
    await expect(checkGrpcHealth(grpc, '')).resolves.toBe('SERVING');
  });

  it('refuses a body above the limit with 413, declared or chunked', async () => {
    const big = JSON.stringify({ blob: 'x'.repeat(4096) });
    const expected = {
      status: 413,
      body: {
        error_code: 'REQUEST_LIMIT_EXCEEDED',
        message: 'request body exceeds 2048 bytes (FLYWHEEL_MAX_REQUEST_BYTES)',
      },
    };
    await expect(post(`${http}/items`, big, scientist)).resolves.toMatchObject(expected);
    await expect(post(`${http}/items`, big, scientist, true)).resolves.toMatchObject(expected);
  });

  it('lets routes configured with STREAMED_BODY stream bodies beyond the limit', async () => {
    const response = await fetch(`${http}/items/upload`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${scientist}`, 'content-type': 'application/octet-stream' },
      body: Buffer.alloc(8192, 1),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ bytes: 8192 });
  });

  it('refuses a gRPC message above the limit with RESOURCE_EXHAUSTED', async () => {
    await expect(checkGrpcHealth(grpc, 'x'.repeat(4096))).rejects.toMatchObject({
      code: GrpcStatus.RESOURCE_EXHAUSTED,
    });
  });

  it('rate-limits mutating calls per key with 429 and Retry-After, not reads', async () => {
    const other = (
      await new ApiKeyRepository(pool, { pepper: PEPPER, schema }).create({
        name: 'burst',
        role: 'scientist',
        createdBy: 'test',
      })
    ).token;
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push(await post(`${http}/items`, '{"a":1}', other));
    expect(statuses.map((r) => r.status)).toEqual([201, 201, 429]);
    expect(statuses[2]).toMatchObject({
      headers: { 'retry-after': '1' },
      body: { error_code: 'REQUEST_LIMIT_EXCEEDED' },
    });
    for (let i = 0; i < 4; i += 1) {
      const read = await fetch(`${http}/items`, { headers: { authorization: `Bearer ${other}` } });
      expect(read.status).toBe(200);
    }
  });

  it('fails a handler that outlives the request timeout with 504', async () => {
    const started = Date.now();
    const response = await fetch(`${http}/items/stuck`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error_code: 'DEADLINE_EXCEEDED' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('lets services clamp page sizes to FLYWHEEL_MAX_PAGE_SIZE through the injectable RequestLimits', async () => {
    const response = await fetch(`${http}/items`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(await response.json()).toEqual({ pageSize: 50 });
  });
});
