import { artifactUriWithinRoots, mlflowArtifactsUriOfKey } from '@flywheel/storage';
import type { ModelVersionView } from '../domain/views';

const TRACKING_SCHEMES = /^(mlflow-artifacts|runs|models):/i;

/**
 * The download URI MLflow clients get. A version registered from a tracking URI
 * (`mlflow-artifacts:`, `runs:`, `models:`) whose files lie in the tracking proxy's folder is
 * handed back as its `mlflow-artifacts:/` URI, so the client downloads through the tracking
 * service's artifact proxy with no storage credentials, as with MLflow's own server. Others
 * (and managed copies, which the proxy does not serve) get the storage URI itself.
 */
export function mlflowDownloadUri(view: ModelVersionView, artifactRoot: string): string {
  if (!TRACKING_SCHEMES.test(view.source)) return view.storageUri;
  const check = artifactUriWithinRoots(view.storageUri, [artifactRoot]);
  return (check.ok ? mlflowArtifactsUriOfKey(check.key) : undefined) ?? view.storageUri;
}
