import { loadPlatformConfig } from '@flywheel/config';
import { uniqueName } from '@flywheel/testing';
// Feature schemas are read from the real registry service: its own test harness starts one.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type RegistryHarness, startRegistry } from '../../registry/test/registry-harness';
import { FeatureSchemaCache } from '../src/validation/feature-schema-cache';
import { RegistryFeatureSchemas } from '../src/validation/registry-feature-schemas';
import { checkInferenceLog } from '../src/validation/check-inference-log';
import { sampleLog } from './sample-logs';

jest.setTimeout(60_000);

describe('feature schemas from the real registry', () => {
  let registry: RegistryHarness;
  let schemas: RegistryFeatureSchemas;
  const model = uniqueName('churn').replaceAll('_', '-');

  beforeAll(async () => {
    registry = await startRegistry();
    schemas = new RegistryFeatureSchemas(registry.grpcAddress, loadPlatformConfig({}));
    await registry.grpc.call('createRegisteredModel', { name: model });
    await registry.grpc.call('createModelVersion', {
      name: model,
      source: `file://${registry.artifactDir}/${model}`,
      signature: { inputs: [{ name: 'num_0', type: 'double' }, { name: 'cat_0', type: 'string' }, { name: 'age', type: 'long' }], outputs: [] },
    });
    await registry.grpc.call('createModelVersion', { name: model, source: `file://${registry.artifactDir}/${model}` });
  });

  afterAll(async () => {
    schemas?.close();
    await registry?.close();
  });

  it('reads a version signature inputs as required features with their kinds', async () => {
    await expect(schemas.schemaOf(model, 1)).resolves.toEqual({
      inputs: [
        { name: 'num_0', kind: 'numeric' },
        { name: 'cat_0', kind: 'categorical' },
        { name: 'age', kind: 'integer' },
      ],
    });
  });

  it('has no schema for a version without signature, an unknown version or an unknown model', async () => {
    await expect(schemas.schemaOf(model, 2)).resolves.toBeUndefined();
    await expect(schemas.schemaOf(model, 99)).resolves.toBeUndefined();
    await expect(schemas.schemaOf(uniqueName('nobody').replaceAll('_', '-'), 1)).resolves.toBeUndefined();
  });

  it('refuses a log missing a signature input, through the cache', async () => {
    const cache = new FeatureSchemaCache(schemas, 60_000);
    const lookup = await cache.lookup(model, 1);
    expect(lookup.available).toBe(true);
    const schema = lookup.available ? lookup.schema : undefined;
    const log = sampleLog(1, 'schema', { modelName: model, modelVersion: 1 });
    expect(checkInferenceLog(log, schema)).toEqual({ ok: false, reason: `feature age is required by the signature of model ${model} version 1` });
    expect(checkInferenceLog({ ...log, numericFeatures: { ...log.numericFeatures, age: 40 } }, schema).ok).toBe(true);
  });

  it('reports the registry unavailable when nothing answers at the address', async () => {
    const unreachable = new RegistryFeatureSchemas('127.0.0.1:1', loadPlatformConfig({}));
    try {
      await expect(new FeatureSchemaCache(unreachable, 60_000).lookup(model, 1)).resolves.toEqual({ available: false });
    } finally {
      unreachable.close();
    }
  });
});
