import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type MicroserviceOptions, Transport } from '@nestjs/microservices';
import {
  type Client,
  type ServiceClientConstructor,
  type ServiceError,
  Metadata,
  credentials,
  loadPackageDefinition,
  status as GrpcStatus,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS, auditV1, protoPath } from '@flywheel/contracts';
import { ApiKeyAuthenticator, ApiKeyRepository, AuditLogRepository, migrateIdentitySchema } from '@flywheel/identity';
import { PG_POOL } from '@flywheel/platform';
import { type PgPool, createPgPool } from '@flywheel/postgres';
import { authGuardProviders } from '@flywheel/service-kit';
import { freePort, testStack, uniqueName } from '@flywheel/testing';
import { AuditModule } from './audit.module';
import { AUDIT_GRPC_PACKAGE, AUDIT_PROTO_FILE, AUDIT_ROUTES } from './audit.routes';

const PEPPER = 'audit-int-test-pepper-0123456';
const T0 = Date.parse('2026-02-01T10:00:00Z');
const minutes = (n: number) => new Date(T0 + n * 60_000);

type ListRequest = Partial<auditV1.ListAuditEntriesRequest>;

interface AuditStub extends Client {
  listAuditEntries(
    request: ListRequest,
    metadata: Metadata,
    callback: (error: ServiceError | null, response?: auditV1.ListAuditEntriesResponse) => void,
  ): void;
}

describe('AuditModule serving flywheel.audit.v1.AuditService from PostgreSQL', () => {
  const schema = uniqueName('audit_api');
  let pool: PgPool;
  let app: Awaited<ReturnType<typeof NestFactory.createMicroservice>>;
  let stub: AuditStub;
  let adminToken: string;
  let viewerToken: string;

  const list = (request: ListRequest, token = adminToken): Promise<auditV1.ListAuditEntriesResponse> => {
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${token}`);
    return new Promise((resolve, reject) =>
      stub.listAuditEntries(request, metadata, (error, response) => (error ? reject(error) : resolve(response!))),
    );
  };
  const ids = (response: auditV1.ListAuditEntriesResponse) => response.entries.map((entry) => entry.target?.id);

  beforeAll(async () => {
    pool = createPgPool({ connectionString: testStack().databaseUrl, maxConnections: 4 });
    await migrateIdentitySchema(pool, schema);
    const keys = new ApiKeyRepository(pool, { pepper: PEPPER, schema });
    adminToken = (await keys.create({ name: 'auditor', role: 'admin', createdBy: 'test' })).token;
    viewerToken = (await keys.create({ name: 'dashboards', role: 'viewer', createdBy: 'test' })).token;

    const audit = new AuditLogRepository(pool, { schema });
    const alice = { kind: 'api_key' as const, id: 'alice-key' };
    const sso = { kind: 'oidc' as const, id: 'u-42' };
    const append = (at: Date, principal: typeof alice | typeof sso, type: string, id: string, after: unknown) =>
      audit.append({ principal, action: 'models.register', target: { type, id }, after, requestId: `req-${id}`, service: 'registry', at });
    await append(minutes(0), alice, 'registered_model', 'm1', { name: 'fraud' });
    await append(minutes(1), alice, 'model_version', 'm1/1', { version: 1 });
    await append(minutes(2), sso, 'registered_model', 'm2', { name: 'churn' });
    await append(minutes(3), sso, 'model_version', 'm1/2', { version: 2 });
    await append(minutes(4), alice, 'api_key', 'k1', { name: 'ci', password: 'hunter2' });
    await audit.append(
      {
        principal: sso,
        action: 'aliases.write',
        target: { type: 'registered_model', id: 'm1' },
        before: { champion: '1' },
        after: { champion: '2' },
        requestId: 'req-alias',
        service: 'registry',
        at: minutes(5),
      },
    );

    // What PlatformModule provides in the process.
    @Global()
    @Module({ providers: [{ provide: PG_POOL, useValue: pool }], exports: [PG_POOL] })
    class TestPlatformModule {}

    @Module({
      imports: [TestPlatformModule, AuditModule.forRoot({ schema })],
      providers: authGuardProviders({
        routes: AUDIT_ROUTES,
        enabled: true,
        authenticator: new ApiKeyAuthenticator(keys, { pepper: PEPPER }),
      }),
    })
    class TestRegistryModule {}

    const url = `127.0.0.1:${await freePort()}`;
    app = await NestFactory.createMicroservice<MicroserviceOptions>(TestRegistryModule, {
      logger: false,
      transport: Transport.GRPC,
      options: { url, package: AUDIT_GRPC_PACKAGE, protoPath: protoPath(AUDIT_PROTO_FILE), loader: PROTO_LOADER_OPTIONS },
    });
    await app.listen();
    const loaded = loadPackageDefinition(loadSync(protoPath(AUDIT_PROTO_FILE), PROTO_LOADER_OPTIONS)) as unknown as {
      flywheel: { audit: { v1: { AuditService: ServiceClientConstructor } } };
    };
    stub = new loaded.flywheel.audit.v1.AuditService(url, credentials.createInsecure()) as unknown as AuditStub;
  });

  afterAll(async () => {
    stub?.close();
    await app?.close();
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.close();
  });

  it('pages through every entry, newest first, until the token runs out', async () => {
    const seen: string[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const page = await list({ pageSize: 4, pageToken });
      seen.push(...ids(page).map(String));
      pageToken = page.nextPageToken;
      pages += 1;
    } while (pageToken !== '');
    expect(pages).toBe(2);
    expect(seen).toEqual(['m1', 'k1', 'm1/2', 'm2', 'm1/1', 'm1']);
  });

  it('returns principal, action, target, before and after as JSON, request id, service and time', async () => {
    const [latest] = (await list({ pageSize: 1 })).entries;
    expect(latest).toEqual({
      id: expect.stringMatching(/^\d+$/),
      timeMs: minutes(5).getTime(),
      principal: { id: 'u-42', kind: 'oidc' },
      action: 'aliases.write',
      target: { type: 'registered_model', id: 'm1' },
      beforeJson: '{"champion":"1"}',
      afterJson: '{"champion":"2"}',
      requestId: 'req-alias',
      service: 'registry',
    });
  });

  it('shows secrets in recorded state redacted and absent states as empty strings', async () => {
    const [key] = (await list({ targetType: 'api_key' })).entries;
    expect(key?.beforeJson).toBe('');
    expect(JSON.parse(key!.afterJson)).toEqual({ name: 'ci', password: '[REDACTED]' });
  });

  it('filters by target, by principal and by time range, and pages within a filter', async () => {
    expect(ids(await list({ targetType: 'registered_model', targetId: 'm1' }))).toEqual(['m1', 'm1']);
    expect(ids(await list({ targetType: 'model_version' }))).toEqual(['m1/2', 'm1/1']);
    expect(ids(await list({ principalKind: 'oidc', principalId: 'u-42' }))).toEqual(['m1', 'm1/2', 'm2']);
    expect(ids(await list({ principalKind: 'api_key', principalId: 'nobody' }))).toEqual([]);
    expect(ids(await list({ fromTimeMs: minutes(1).getTime(), toTimeMs: minutes(3).getTime() }))).toEqual(['m2', 'm1/1']);

    const first = await list({ principalKind: 'api_key', pageSize: 2 });
    expect(ids(first)).toEqual(['k1', 'm1/1']);
    const second = await list({ principalKind: 'api_key', pageSize: 2, pageToken: first.nextPageToken });
    expect(ids(second)).toEqual(['m1']);
    expect(second.nextPageToken).toBe('');
  });

  it.each<[ListRequest, string]>([
    [{ targetId: 'm1' }, 'target_id: requires target_type'],
    [{ principalKind: 'robot' }, 'principal_kind: must be one of api_key, oidc, service, anonymous'],
    [{ fromTimeMs: 2000, toTimeMs: 1000 }, 'to_time_ms: must be later than from_time_ms'],
    [{ pageSize: 100_000 }, 'page_size: must be between 1 and 500 (0: the default)'],
    [{ pageToken: 'not-a-token' }, 'page_token: is not a token returned by ListAuditEntries'],
  ])('answers INVALID_ARGUMENT naming the field for %j', async (request, details) => {
    await expect(list(request)).rejects.toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details });
  });

  it('lets only admins read the audit log (audit.read)', async () => {
    await expect(list({}, viewerToken)).rejects.toMatchObject({
      code: GrpcStatus.PERMISSION_DENIED,
      details: 'audit.read requires role admin; dashboards has role viewer',
    });
  });
});
