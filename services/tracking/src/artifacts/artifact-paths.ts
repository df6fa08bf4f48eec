import { InvalidArtifactKeyError, MLFLOW_ARTIFACTS_KEY_PREFIX, mlflowArtifactsKey } from '@flywheel/storage';
import { invalidArgument } from '../domain/tracking-error';

const SCHEME = 'mlflow-artifacts:';

/**
 * The store key of a proxied artifact path (`1/<run_id>/artifacts/model/MLmodel`), by the
 * mapping the registry also resolves `mlflow-artifacts:/` sources with. Paths that could name
 * something else (absolute, `..`, `.`, empty segments, backslashes, control characters) are
 * refused, as MLflow's `validate_path_is_safe` refuses them.
 */
export function proxyKey(path: string, field = 'path'): string {
  try {
    return mlflowArtifactsKey(path);
  } catch (error) {
    if (error instanceof InvalidArtifactKeyError) throw invalidArgument(`Invalid ${field}: ${error.message}`);
    throw error;
  }
}

/** The listing prefix of a proxied directory (`''`: the whole proxy root), ending in `/`. */
export function proxyDirectoryPrefix(path: string, field = 'path'): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? MLFLOW_ARTIFACTS_KEY_PREFIX : `${proxyKey(trimmed, field)}/`;
}

/** The proxied path of a run's artifact root `mlflow-artifacts:/1/<run_id>/artifacts`. */
export function proxyPathOfUri(artifactUri: string): string {
  if (!artifactUri.startsWith(SCHEME)) {
    throw new Error(
      `artifact URI ${JSON.stringify(artifactUri)} is not served by the mlflow-artifacts proxy`,
    );
  }
  return artifactUri.slice(SCHEME.length).replace(/^\/+/, '');
}

/** A path below a run's artifact root; empty stays the root itself. */
export function joinPath(root: string, relative: string): string {
  return relative === '' ? root : `${root}/${relative}`;
}
