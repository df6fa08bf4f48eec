import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GrpcMethod, type MicroserviceOptions, Transport } from '@nestjs/microservices';
import {
  type Client,
  type ServiceClientConstructor,
  type ServiceError,
  Metadata,
  credentials,
  loadPackageDefinition,
  status as GrpcStatus,
} from '@grpc/grpc-js';
import { fromJSON } from '@grpc/proto-loader';
import type { Principal, RoutePolicyTable } from '@flywheel/access';
import { ApiKeyAuthenticator, ApiKeyRepository, migrateIdentitySchema } from '@flywheel/identity';
import { type PgPool, createPgPool } from '@flywheel/postgres';
import { freePort, testStack, uniqueName } from '@flywheel/testing';
import { authGuardProviders } from './auth-providers';
import { CurrentPrincipal } from './auth-principal';

const PEPPER = 'auth-guard-int-test-pepper-0123';

// A two-method test service: one read, one mutation. Built from a JSON descriptor so the
// test carries its own contract without adding a .proto file to the repository.
const packageDefinition = fromJSON({
  nested: {
    flywheel: {
      nested: {
        authtest: {
          nested: {
            v1: {
              nested: {
                Item: { fields: { name: { type: 'string', id: 1 } } },
                Models: {
                  methods: {
                    Get: { requestType: 'Item', responseType: 'Item', comment: 'a read' },
                    Delete: { requestType: 'Item', responseType: 'Item', comment: 'a mutation' },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
});

const ROUTES: RoutePolicyTable = {
  'grpc:/flywheel.authtest.v1.Models/Get': 'models.read',
  'grpc:/flywheel.authtest.v1.Models/Delete': 'models.delete',
};

@Controller()
class ModelsController {
  @GrpcMethod('Models', 'Get')
  get(_request: { name: string }, _metadata: Metadata, _call: unknown, @CurrentPrincipal() who?: Principal) {
    return { name: `read by ${who?.name}` };
  }

  @GrpcMethod('Models', 'Delete')
  delete(
    _request: { name: string },
    _metadata: Metadata,
    _call: unknown,
    @CurrentPrincipal() who?: Principal,
  ) {
    return { name: `deleted by ${who?.name} (${who?.role})` };
  }
}

interface ModelsStub extends Client {
  get(
    request: { name: string },
    metadata: Metadata,
    callback: (error: ServiceError | null, response?: { name: string }) => void,
  ): void;
  delete(
    request: { name: string },
    metadata: Metadata,
    callback: (error: ServiceError | null, response?: { name: string }) => void,
  ): void;
}

function call(stub: ModelsStub, method: 'get' | 'delete', token?: string): Promise<{ name: string }> {
  const metadata = new Metadata();
  if (token) metadata.set('authorization', `Bearer ${token}`);
  return new Promise((resolve, reject) =>
    stub[method]({ name: 'fraud' }, metadata, (error, response) =>
      error ? reject(error) : resolve(response!),
    ),
  );
}

describe('AuthGuard on a real Nest gRPC server with keys from PostgreSQL', () => {
  const schema = uniqueName('auth_guard');
  let pool: PgPool;
  let app: Awaited<ReturnType<typeof NestFactory.createMicroservice>>;
  let stub: ModelsStub;
  let viewerToken: string;
  let adminToken: string;

  beforeAll(async () => {
    pool = createPgPool({ connectionString: testStack().databaseUrl, maxConnections: 4 });
    await migrateIdentitySchema(pool, schema);
    const keys = new ApiKeyRepository(pool, { pepper: PEPPER, schema });
    viewerToken = (await keys.create({ name: 'dashboards', role: 'viewer', createdBy: 'test' })).token;
    adminToken = (await keys.create({ name: 'ops', role: 'admin', createdBy: 'test' })).token;

    @Module({
      controllers: [ModelsController],
      providers: authGuardProviders({
        routes: ROUTES,
        enabled: true,
        authenticator: new ApiKeyAuthenticator(keys, { pepper: PEPPER }),
      }),
    })
    class TestServiceModule {}

    const url = `127.0.0.1:${await freePort()}`;
    app = await NestFactory.createMicroservice<MicroserviceOptions>(TestServiceModule, {
      logger: false,
      transport: Transport.GRPC,
      options: { url, package: 'flywheel.authtest.v1', packageDefinition },
    });
    await app.listen();
    const loaded = loadPackageDefinition(packageDefinition) as unknown as {
      flywheel: { authtest: { v1: { Models: ServiceClientConstructor } } };
    };
    stub = new loaded.flywheel.authtest.v1.Models(url, credentials.createInsecure()) as unknown as ModelsStub;
  });

  afterAll(async () => {
    stub?.close();
    await app?.close();
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.close();
  });

  it('answers UNAUTHENTICATED when no key is sent', async () => {
    await expect(call(stub, 'get')).rejects.toMatchObject({
      code: GrpcStatus.UNAUTHENTICATED,
      details: 'route grpc:/flywheel.authtest.v1.Models/Get requires a valid API key or token',
    });
  });

  it('answers PERMISSION_DENIED when a viewer calls a mutating method', async () => {
    await expect(call(stub, 'delete', viewerToken)).rejects.toMatchObject({
      code: GrpcStatus.PERMISSION_DENIED,
      details: 'models.delete requires role admin; dashboards has role viewer',
    });
  });

  it('lets a viewer read and an admin mutate, handing each handler its principal', async () => {
    await expect(call(stub, 'get', viewerToken)).resolves.toEqual({ name: 'read by dashboards' });
    await expect(call(stub, 'delete', adminToken)).resolves.toEqual({ name: 'deleted by ops (admin)' });
  });
});
