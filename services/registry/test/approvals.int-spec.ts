import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { ModelStage, registryV1 } from '@flywheel/contracts';
import { ApiKeyAuthenticator, ApiKeyRepository, migrateIdentitySchema } from '@flywheel/identity';
import { type PgPool, createPgPool } from '@flywheel/postgres';
import { testStack, uniqueName } from '@flywheel/testing';
import { type RegistryHarness, mlflow, startRegistry } from './registry-harness';

const PEPPER = 'registry-approvals-pepper-0123';

describe('promotions under the two-person rule, with authentication on', () => {
  let pool: PgPool;
  let registry: RegistryHarness;
  const tokens: Record<'admin' | 'alice' | 'bob' | 'scientist', string> = { admin: '', alice: '', bob: '', scientist: '' };

  beforeAll(async () => {
    pool = createPgPool({ connectionString: testStack().databaseUrl });
    const keySchema = uniqueName('registry_keys');
    await migrateIdentitySchema(pool, keySchema);
    const keys = new ApiKeyRepository(pool, { pepper: PEPPER, schema: keySchema });
    for (const [name, role] of [['admin', 'admin'], ['alice', 'deployer'], ['bob', 'deployer'], ['scientist', 'scientist']] as const) {
      tokens[name] = (await keys.create({ name, role, createdBy: 'test' })).token;
    }
    registry = await startRegistry({ auth: { enabled: true, authenticator: new ApiKeyAuthenticator(keys, { pepper: PEPPER }) } });
  });
  afterAll(async () => {
    await registry.close();
    await pool.close();
  });

  async function modelWithPolicy(): Promise<string> {
    const name = uniqueName('approved');
    await registry.grpc.call('createRegisteredModel', { name }, tokens.scientist);
    const dir = join(registry.artifactDir, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'MLmodel'), 'x');
    await registry.grpc.call('createModelVersion', { name, source: `file://${dir}` }, tokens.scientist);
    await registry.grpc.call('setApprovalPolicy', { name, policy: { aliases: ['champion'], stages: ['production'] } }, tokens.admin);
    return name;
  }

  it('lets only admins set the policy, stored normalized', async () => {
    const name = await modelWithPolicy();
    expect((await registry.grpc.call('getApprovalPolicy', { name }, tokens.scientist)).policy).toEqual({ aliases: ['champion'], stages: ['Production'] });
    await expect(registry.grpc.call('setApprovalPolicy', { name, policy: { aliases: [], stages: [] } }, tokens.alice)).rejects.toMatchObject({
      code: GrpcStatus.PERMISSION_DENIED,
    });
  });

  it('refuses a direct champion alias or Production transition, on gRPC and MLflow REST, saying how to get approval', async () => {
    const name = await modelWithPolicy();
    await expect(registry.grpc.call('setRegisteredModelAlias', { name, alias: 'champion', version: 1 }, tokens.alice)).rejects.toMatchObject({
      code: GrpcStatus.PERMISSION_DENIED,
      details: expect.stringMatching(/requires approval by a second principal.*RequestPromotion.*ApprovePromotion/),
    });
    const rest = await mlflow(registry.httpUrl, 'POST', 'model-versions/transition-stage', { name, version: '1', stage: 'Production' }, { authorization: `Bearer ${tokens.alice}` });
    expect(rest).toMatchObject({ status: 403, body: { error_code: 'PERMISSION_DENIED', message: expect.stringMatching(/stage 'Production' requires approval/) } });
    // Aliases outside the policy need no approval.
    await registry.grpc.call('setRegisteredModelAlias', { name, alias: 'challenger', version: 1 }, tokens.alice);
  });

  it('applies a promotion once a different deployer approves it, never on self-approval', async () => {
    const name = await modelWithPolicy();
    const requested = (await registry.grpc.call('requestPromotion', { name, version: 1, alias: 'champion', comment: 'beats v0' }, tokens.alice)).request!;
    expect(requested).toMatchObject({ state: registryV1.PromotionState.PENDING, requestedBy: 'alice', alias: 'champion' });
    await expect(registry.grpc.call('getModelVersionByAlias', { name, alias: 'champion' }, tokens.alice)).rejects.toMatchObject({ code: GrpcStatus.NOT_FOUND });

    await expect(registry.grpc.call('approvePromotion', { requestId: requested.id }, tokens.alice)).rejects.toMatchObject({
      code: GrpcStatus.PERMISSION_DENIED,
      details: expect.stringMatching(/cannot approve their own promotion request/),
    });
    await expect(registry.grpc.call('approvePromotion', { requestId: requested.id }, tokens.scientist)).rejects.toMatchObject({ code: GrpcStatus.PERMISSION_DENIED });

    const approved = (await registry.grpc.call('approvePromotion', { requestId: requested.id, comment: 'ok' }, tokens.bob)).request!;
    expect(approved).toMatchObject({ state: registryV1.PromotionState.APPLIED, decidedBy: 'bob', decisionComment: 'ok' });
    expect((await registry.grpc.call('getModelVersionByAlias', { name, alias: 'champion' }, tokens.alice)).modelVersion?.version).toBe(1);
    await expect(registry.grpc.call('approvePromotion', { requestId: requested.id }, tokens.bob)).rejects.toMatchObject({ code: GrpcStatus.FAILED_PRECONDITION });
  });

  it('applies promotions the policy does not cover at once, and lets requesters withdraw pending ones', async () => {
    const name = await modelWithPolicy();
    const staging = (await registry.grpc.call('requestPromotion', { name, version: 1, stage: ModelStage.STAGING }, tokens.alice)).request!;
    expect(staging.state).toBe(registryV1.PromotionState.APPLIED);
    const production = (await registry.grpc.call('requestPromotion', { name, version: 1, stage: ModelStage.PRODUCTION }, tokens.alice)).request!;
    const rejected = (await registry.grpc.call('rejectPromotion', { requestId: production.id, reason: 'not yet' }, tokens.alice)).request!;
    expect(rejected).toMatchObject({ state: registryV1.PromotionState.REJECTED, decisionComment: 'not yet' });
    const listed = (await registry.grpc.call('listPromotionRequests', { name }, tokens.scientist)).requests;
    expect(listed.map((request) => request.state)).toEqual([registryV1.PromotionState.REJECTED, registryV1.PromotionState.APPLIED]);
    expect((await registry.grpc.call('getModelVersion', { name, version: 1 }, tokens.alice)).modelVersion?.stage).toBe(ModelStage.STAGING);
  });

  it('refuses unauthenticated and under-privileged callers', async () => {
    await expect(registry.grpc.call('getRegisteredModel', { name: 'x' })).rejects.toMatchObject({ code: GrpcStatus.UNAUTHENTICATED });
    const rest = await mlflow(registry.httpUrl, 'DELETE', 'registered-models/delete', { name: 'x' }, { authorization: `Bearer ${tokens.alice}` });
    expect(rest).toMatchObject({ status: 403, body: { error_code: 'PERMISSION_DENIED' } });
  });

  it('answers an unknown MLflow route with the same ENDPOINT_NOT_FOUND for every caller, while known routes still demand credentials', async () => {
    const unknown = 'registered-models/no-such-endpoint';
    const anonymous = await mlflow(registry.httpUrl, 'POST', unknown);
    const authenticated = await mlflow(registry.httpUrl, 'POST', unknown, {}, { authorization: `Bearer ${tokens.scientist}` });
    expect(anonymous).toEqual({ status: 404, body: { error_code: 'ENDPOINT_NOT_FOUND', message: `No API found for 'POST /api/2.0/mlflow/${unknown}'` } });
    expect(authenticated).toEqual(anonymous);
    expect(await mlflow(registry.httpUrl, 'GET', 'registered-models/get', { name: 'x' })).toMatchObject({ status: 401, body: { error_code: 'UNAUTHENTICATED' } });
  });
});
