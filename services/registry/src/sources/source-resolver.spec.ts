import { mlflowArtifactsKey } from '@flywheel/storage';
import { SourceResolver, type SourceRequest } from './source-resolver';
import type { TrackingLookup } from './tracking-client';

const root = 's3://bucket/root';
const store = { root, uri: (key: string) => `${root}/${key}` };
const tracking: TrackingLookup = {
  runArtifactUri: () => Promise.resolve('mlflow-artifacts:/4/run1/artifacts'),
  loggedModelArtifactUri: () => Promise.resolve('mlflow-artifacts:/4/models/m-1/artifacts'),
};
const resolver = new SourceResolver(store, tracking);
const request = (source: string): SourceRequest => ({ source, registeredVersionStorage: () => Promise.reject(new Error('unused')) });

describe('SourceResolver', () => {
  it('puts mlflow-artifacts:/P where the tracking proxy stores P', async () => {
    await expect(resolver.resolve(request('mlflow-artifacts:/4/run1/artifacts/model'))).resolves.toEqual({
      storageUri: store.uri(mlflowArtifactsKey('4/run1/artifacts/model')),
    });
  });

  it('resolves runs:/ and models:/m- through their proxied artifact URIs to the same folder', async () => {
    await expect(resolver.resolve(request('runs:/run1/model'))).resolves.toEqual({
      storageUri: `${root}/mlflow-artifacts/4/run1/artifacts/model`,
      runId: 'run1',
    });
    await expect(resolver.resolve(request('models:/m-1'))).resolves.toEqual({
      storageUri: `${root}/mlflow-artifacts/4/models/m-1/artifacts`,
      loggedModelId: 'm-1',
    });
  });

  it('refuses a proxied path that escapes the proxy folder, naming the source field', async () => {
    await expect(resolver.resolve(request('mlflow-artifacts:/4/%2E%2E/%2E%2E/registry'))).rejects.toThrow(/^source: /);
  });
});
