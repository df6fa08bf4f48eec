import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { ModelStage, ModelVersionStatus, registryV1 } from '@flywheel/contracts';
import { AuditLogRepository } from '@flywheel/identity';
import { uniqueName, waitFor } from '@flywheel/testing';
import { type RegistryHarness, startRegistry } from './registry-harness';

describe('RegistryService over gRPC', () => {
  let registry: RegistryHarness;
  const call: RegistryHarness['grpc']['call'] = (method, request, token) => registry.grpc.call(method, request, token);

  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(() => registry.close());

  function artifactUri(name: string): string {
    const dir = join(registry.artifactDir, 'models', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'model.onnx'), `weights of ${name}`);
    return `file://${dir}`;
  }

  it('gives 50 parallel registrations of one model distinct, consecutive version numbers', async () => {
    const name = uniqueName('parallel');
    await call('createRegisteredModel', { name });
    const source = artifactUri(name);
    const created = await Promise.all(Array.from({ length: 50 }, () => call('createModelVersion', { name, source })));
    const versions = created.map((response) => response.modelVersion!.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const events = await waitFor(() => {
      const mine = registry.events.filter((event) => event.modelName === name && event.versionCreated);
      return mine.length >= 50 && mine;
    });
    expect(events.map((event) => event.versionCreated!.version)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('refuses to register a version whose source lies outside the artifact roots, and stores nothing', async () => {
    const name = uniqueName('escape');
    await call('createRegisteredModel', { name });
    const root = `file://${registry.artifactDir}`;
    const escapes = [
      `${root}/models/../../etc`,
      `${root}/models/%2e%2e/%2e%2e/etc`,
      `${root}-sibling/model`,
      'file:///etc/passwd',
      's3://another-bucket/model',
      'http://169.254.169.254/latest/meta-data',
      'https://example.com/model.onnx',
    ];
    for (const source of escapes) {
      await expect(call('createModelVersion', { name, source })).rejects.toMatchObject({
        code: GrpcStatus.INVALID_ARGUMENT,
        details: expect.stringMatching(/^source: /),
      });
    }
    const listed = await call('searchModelVersions', { filter: `name = '${name}'` });
    expect(listed.modelVersions).toEqual([]);
  });

  it('registers a version with lineage, signature and reference profile, and serves them back', async () => {
    const name = uniqueName('lineage');
    await call('createRegisteredModel', { name, description: 'fraud', tags: { team: 'risk' } });
    const profile: registryV1.ReferenceProfile = {
      rowCount: 10,
      features: [
        { name: 'amount', missingCount: 1, numeric: { binEdges: [0, 100], binCounts: [1, 5, 3], quantiles: [{ probability: 0.5, value: 42 }], distinctCount: 9 } },
        { name: 'country', missingCount: 0, categorical: { frequencies: { fr: 6, de: 4 } } },
      ],
    };
    const created = await call('createModelVersion', {
      name,
      source: artifactUri(name),
      runId: 'run-42',
      lineage: { datasetDigest: 'sha256:abc', codeVersion: 'git:1234' },
      signature: { inputs: [{ name: 'amount', type: 'double' }, { name: 'country', type: 'string' }], outputs: [{ name: 'score', type: 'float' }] },
      referenceProfile: profile,
      tags: { gate: 'passed' },
    });
    expect(created.modelVersion).toMatchObject({
      name,
      version: 1,
      status: ModelVersionStatus.READY,
      stage: ModelStage.NONE,
      runId: 'run-42',
      lineage: { datasetDigest: 'sha256:abc', codeVersion: 'git:1234' },
      signature: { inputs: [{ name: 'amount', type: 'double' }, { name: 'country', type: 'string' }], outputs: [{ name: 'score', type: 'float' }] },
      tags: { gate: 'passed' },
      hasReferenceProfile: true,
    });
    expect((await call('getReferenceProfile', { name, version: 1 })).profile).toMatchObject(profile);
    const model = (await call('getRegisteredModel', { name })).registeredModel!;
    expect(model).toMatchObject({ name, description: 'fraud', tags: { team: 'risk' } });
    expect(model.latestVersions.map((v) => v.version)).toEqual([1]);
  });

  it('rejects inconsistent profiles and signatures naming the field', async () => {
    const name = uniqueName('bad_profile');
    await call('createRegisteredModel', { name });
    await expect(
      call('createModelVersion', {
        name,
        source: artifactUri(name),
        referenceProfile: { rowCount: 5, features: [{ name: 'x', missingCount: 0, numeric: { binEdges: [1, 0], binCounts: [1, 2, 2], quantiles: [], distinctCount: 0 } }] },
      }),
    ).rejects.toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: expect.stringMatching(/^reference_profile\.features\[0\]\.numeric\.bin_edges\[1\]: edges must be strictly ascending/) });
    await expect(
      call('createModelVersion', { name, source: artifactUri(name), signature: { inputs: [{ name: 'a', type: 'complex' }], outputs: [] } }),
    ).rejects.toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: expect.stringMatching(/^signature\.inputs\[0\]\.type: unknown type "complex"/) });
  });

  it('answers bad input with precise status codes', async () => {
    const name = uniqueName('grpc_errors');
    await call('createRegisteredModel', { name });
    await expect(call('createRegisteredModel', { name })).rejects.toMatchObject({ code: GrpcStatus.ALREADY_EXISTS, details: `Registered Model (name=${name}) already exists.` });
    await expect(call('getRegisteredModel', { name: `${name}_x` })).rejects.toMatchObject({ code: GrpcStatus.NOT_FOUND, details: `Registered Model with name=${name}_x not found` });
    await expect(call('setRegisteredModelAlias', { name, alias: 'champion', version: 3 })).rejects.toMatchObject({ code: GrpcStatus.NOT_FOUND, details: `Model Version (name=${name}, version=3) not found` });
    await expect(call('createRegisteredModel', { name: ' leading-space' })).rejects.toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: expect.stringMatching(/^name: invalid registered model name/) });
    await expect(call('setRegisteredModelAlias', { name, alias: 'latest', version: 1 })).rejects.toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: expect.stringMatching(/^alias: alias "latest" is reserved/) });
    await expect(call('createModelVersion', { name, source: 'file:///etc/passwd' })).rejects.toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: expect.stringMatching(/^source: /) });
    await expect(call('transitionModelVersionStage', { name, version: 1 })).rejects.toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT });
  });

  it('moves aliases, emitting the previous version, and removes them with the version they point at', async () => {
    const name = uniqueName('aliases');
    await call('createRegisteredModel', { name });
    for (let i = 0; i < 2; i += 1) await call('createModelVersion', { name, source: artifactUri(name) });
    await call('setRegisteredModelAlias', { name, alias: 'champion', version: 1 });
    await call('setRegisteredModelAlias', { name, alias: 'champion', version: 2 });
    expect((await call('getModelVersionByAlias', { name, alias: 'champion' })).modelVersion?.version).toBe(2);
    await call('deleteModelVersion', { name, version: 2 });
    await expect(call('getModelVersionByAlias', { name, alias: 'champion' })).rejects.toMatchObject({ code: GrpcStatus.NOT_FOUND });
    const changes = await waitFor(() => {
      const mine = registry.events.filter((event) => event.modelName === name);
      return mine.length >= 7 && mine;
    });
    expect(changes.slice(3).map((event) => event.aliasSet ?? event.aliasDeleted ?? event.versionDeleted)).toEqual([
      { alias: 'champion', version: 1, previousVersion: 0 },
      { alias: 'champion', version: 2, previousVersion: 1 },
      { alias: 'champion', previousVersion: 2 },
      { version: 2 },
    ]);
  });

  it('copies artifacts into managed storage when asked, then marks the version READY', async () => {
    const name = uniqueName('managed');
    await call('createRegisteredModel', { name });
    const created = await call('createModelVersion', { name, source: artifactUri(name), copyToManagedStorage: true });
    expect(created.modelVersion?.status).toBe(ModelVersionStatus.PENDING_REGISTRATION);
    const ready = await waitFor(async () => {
      const version = (await call('getModelVersion', { name, version: 1 })).modelVersion!;
      return version.status === ModelVersionStatus.READY && version;
    });
    expect(ready.storageUri).toMatch(new RegExp(`^file://${registry.artifactDir}/registry/models/\\d+/versions/1$`));
    const copied = join(ready.storageUri.slice('file://'.length), 'model.onnx');
    expect(readFileSync(copied, 'utf8')).toBe(`weights of ${name}`);
    await waitFor(() => registry.events.some((event) => event.modelName === name && event.versionStatusChanged?.toStatus === ModelVersionStatus.READY));
  });

  it('records every mutation in the audit log with who, what and when', async () => {
    const name = uniqueName('audited');
    await call('createRegisteredModel', { name });
    const audit = new AuditLogRepository(await registry.resources.postgres(), { schema: registry.options.auditSchema });
    const page = await audit.query({ target: { type: 'registered_model', id: name } });
    expect(page.entries).toEqual([
      expect.objectContaining({ action: 'models.register', principal: { id: 'auth-disabled', kind: 'anonymous' }, service: 'registry', after: expect.objectContaining({ name }) }),
    ]);
  });
});
