import { type ArtifactStore, mlflowArtifactsKey, resolveArtifactUri } from '@flywheel/storage';

const PROXY_SCHEME = 'mlflow-artifacts:/';

/**
 * Where the files under a tracking run's `artifact_uri` live in the artifact store: a key
 * prefix to write with, and the storage URI (`s3://…` or `file://…`, contract 6) to register.
 * A proxied `mlflow-artifacts:/P` URI lies at key `mlflow-artifacts/P`, as the tracking service
 * stores it, so the files are also downloadable through its proxy. Throws when the URI is
 * outside the store.
 */
export function runArtifactLocation(
  store: ArtifactStore,
  artifactUri: string,
  subdirectory: string,
): { keyPrefix: string; uri: string } {
  const base = artifactUri.replace(/\/+$/, '');
  const uri = subdirectory === '' ? base : `${base}/${subdirectory}`;
  const keyPrefix = uri.startsWith(PROXY_SCHEME)
    ? mlflowArtifactsKey(uri.slice(PROXY_SCHEME.length).replace(/^\/+/, ''))
    : resolveArtifactUri(uri, [store.root]).key;
  return { keyPrefix, uri: store.uri(keyPrefix) };
}
