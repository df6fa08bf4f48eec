import type { ArtifactStore } from '@flywheel/storage';
import { runArtifactLocation } from './run-artifact-location';

const store = { root: 's3://bucket/root', uri: (key: string) => `s3://bucket/root/${key}` } as ArtifactStore;

describe('runArtifactLocation', () => {
  it('puts a proxied mlflow-artifacts:/ run where the tracking proxy stores it', () => {
    expect(runArtifactLocation(store, 'mlflow-artifacts:/1/abc/artifacts', 'model')).toEqual({
      keyPrefix: 'mlflow-artifacts/1/abc/artifacts/model',
      uri: 's3://bucket/root/mlflow-artifacts/1/abc/artifacts/model',
    });
    expect(runArtifactLocation(store, 'mlflow-artifacts:/1/abc/artifacts/model', '').uri).toBe(
      's3://bucket/root/mlflow-artifacts/1/abc/artifacts/model',
    );
  });

  it('keeps a storage URI under the root, and refuses one outside it', () => {
    expect(runArtifactLocation(store, 's3://bucket/root/runs/abc/', 'model').keyPrefix).toBe(
      'runs/abc/model',
    );
    expect(() => runArtifactLocation(store, 's3://elsewhere/x', 'model')).toThrow();
  });
});
