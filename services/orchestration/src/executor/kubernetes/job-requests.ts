import type { JobManifest } from './job-manifest';

/** An HTTP request to the Kubernetes API, as data (so it is tested without a cluster). */
export interface KubernetesRequest {
  method: 'POST' | 'GET' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

const jobsPath = (apiUrl: string, namespace: string): string =>
  `${apiUrl.replace(/\/+$/, '')}/apis/batch/v1/namespaces/${encodeURIComponent(namespace)}/jobs`;

const headers = (token: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  accept: 'application/json',
});

export function createJobRequest(apiUrl: string, token: string, manifest: JobManifest): KubernetesRequest {
  return {
    method: 'POST',
    url: jobsPath(apiUrl, manifest.metadata.namespace),
    headers: { ...headers(token), 'content-type': 'application/json' },
    body: JSON.stringify(manifest),
  };
}

export function readJobRequest(
  apiUrl: string,
  token: string,
  namespace: string,
  name: string,
): KubernetesRequest {
  return {
    method: 'GET',
    url: `${jobsPath(apiUrl, namespace)}/${encodeURIComponent(name)}`,
    headers: headers(token),
  };
}

/** Deletes the Job and its pods (a stopped attempt). */
export function deleteJobRequest(
  apiUrl: string,
  token: string,
  namespace: string,
  name: string,
): KubernetesRequest {
  return {
    method: 'DELETE',
    url: `${jobsPath(apiUrl, namespace)}/${encodeURIComponent(name)}?propagationPolicy=Background`,
    headers: headers(token),
  };
}

export type JobPhase =
  { done: false } | { done: true; succeeded: true } | { done: true; succeeded: false; reason: string };

/** Where a Job stands, from its `status` (`Complete` / `Failed` conditions). */
export function jobPhase(job: {
  status?: {
    succeeded?: number;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
  };
}): JobPhase {
  const conditions = job.status?.conditions ?? [];
  const failed = conditions.find((condition) => condition.type === 'Failed' && condition.status === 'True');
  if (failed)
    return {
      done: true,
      succeeded: false,
      reason: `${failed.reason ?? 'Failed'}: ${failed.message ?? 'the job failed'}`,
    };
  if (
    (job.status?.succeeded ?? 0) > 0 ||
    conditions.some((c) => c.type === 'Complete' && c.status === 'True')
  )
    return { done: true, succeeded: true };
  return { done: false };
}
