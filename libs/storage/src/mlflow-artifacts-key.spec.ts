import { InvalidArtifactKeyError } from './artifact-errors';
import { mlflowArtifactsKey, mlflowArtifactsUriOfKey } from './mlflow-artifacts-key';

describe('mlflow-artifacts keys', () => {
  it('keeps proxied path P at key mlflow-artifacts/P', () => {
    expect(mlflowArtifactsKey('1/abc/artifacts/model/model.onnx')).toBe('mlflow-artifacts/1/abc/artifacts/model/model.onnx');
  });

  it.each(['', '../x', '/etc/passwd', 'a//b', 'a\\b', './a', 'a/../../b'])('refuses the proxied path %j', (path) => {
    expect(() => mlflowArtifactsKey(path)).toThrow(InvalidArtifactKeyError);
  });

  it('turns keys in the proxy folder back into mlflow-artifacts URIs', () => {
    expect(mlflowArtifactsUriOfKey(mlflowArtifactsKey('1/abc/artifacts/model'))).toBe('mlflow-artifacts:/1/abc/artifacts/model');
  });

  it.each(['registry/models/1/versions/2', 'mlflow-artifacts/', 'mlflow-artifactsX/1', '1/abc/artifacts/model'])(
    'gives no mlflow-artifacts URI for key %j outside the proxy folder',
    (key) => {
      expect(mlflowArtifactsUriOfKey(key)).toBeUndefined();
    },
  );
});
