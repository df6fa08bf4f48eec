import { assertArtifactKey } from './artifact-key';

/**
 * The folder of the artifact store that the tracking service's artifact proxy serves: the
 * proxied path P of `mlflow-artifacts:/P` is kept at key `mlflow-artifacts/P`, so paths sent
 * to the proxy cannot reach artifacts other services keep in the same store.
 */
export const MLFLOW_ARTIFACTS_KEY_PREFIX = 'mlflow-artifacts/';

const SCHEME = 'mlflow-artifacts:';

/**
 * The store key of proxied path `path` (`1/<run_id>/artifacts/model/model.onnx`): the one
 * mapping from `mlflow-artifacts:/` paths to storage that the tracking proxy (which writes)
 * and the registry (which resolves model version sources) share.
 * @throws InvalidArtifactKeyError when `path` breaks the key rules (absolute, `..`, empty, …).
 */
export function mlflowArtifactsKey(path: string): string {
  assertArtifactKey(path);
  return `${MLFLOW_ARTIFACTS_KEY_PREFIX}${path}`;
}

/**
 * The `mlflow-artifacts:/P` URI of a store key, when the key lies in the proxy's folder (the
 * inverse of `mlflowArtifactsKey`); undefined for keys the proxy does not serve.
 */
export function mlflowArtifactsUriOfKey(key: string): string | undefined {
  if (!key.startsWith(MLFLOW_ARTIFACTS_KEY_PREFIX)) return undefined;
  const path = key.slice(MLFLOW_ARTIFACTS_KEY_PREFIX.length);
  return path === '' ? undefined : `${SCHEME}/${path}`;
}
