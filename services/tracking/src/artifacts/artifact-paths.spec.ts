import { TrackingError } from '../domain/tracking-error';
import { joinPath, proxyDirectoryPrefix, proxyKey, proxyPathOfUri } from './artifact-paths';

describe('artifact paths', () => {
  it('keeps proxied artifacts under their own folder of the store', () => {
    expect(proxyKey('1/abc/artifacts/model/MLmodel')).toBe('mlflow-artifacts/1/abc/artifacts/model/MLmodel');
    expect(proxyDirectoryPrefix('1/abc/artifacts/')).toBe('mlflow-artifacts/1/abc/artifacts/');
    expect(proxyDirectoryPrefix('')).toBe('mlflow-artifacts/');
  });

  it.each(['../secrets', '1/../../x', '/etc/passwd', 'a//b', 'a\\b', './a'])(
    'refuses the path %j as an invalid argument naming it',
    (path) => {
      expect(() => proxyKey(path)).toThrow(TrackingError);
      expect(() => proxyKey(path)).toThrow(/^Invalid path: invalid artifact key/);
    },
  );

  it('turns a run artifact URI into its proxied path and joins paths below it', () => {
    const root = proxyPathOfUri('mlflow-artifacts:/3/abc/artifacts');
    expect(root).toBe('3/abc/artifacts');
    expect(joinPath(root, 'model/model.onnx')).toBe('3/abc/artifacts/model/model.onnx');
    expect(joinPath(root, '')).toBe(root);
  });
});
