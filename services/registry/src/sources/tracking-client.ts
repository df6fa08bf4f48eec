import { RegistryError } from '../domain/registry-error';

/**
 * Asks the tracking service (its MLflow REST API) where a run's or a logged model's artifacts
 * live, forwarding the caller's `authorization` so the lookup runs with the caller's rights.
 */
export interface TrackingLookup {
  runArtifactUri(runId: string, authorization: string | undefined): Promise<string>;
  loggedModelArtifactUri(modelId: string, authorization: string | undefined): Promise<string>;
}

export class HttpTrackingLookup implements TrackingLookup {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async runArtifactUri(runId: string, authorization: string | undefined): Promise<string> {
    const body = await this.get(`/api/2.0/mlflow/runs/get?run_id=${encodeURIComponent(runId)}`, `run ${runId}`, authorization);
    const uri = (body as { run?: { info?: { artifact_uri?: unknown } } }).run?.info?.artifact_uri;
    if (typeof uri !== 'string' || uri === '') throw unresolvable(`run ${runId} has no artifact_uri`);
    return uri;
  }

  async loggedModelArtifactUri(modelId: string, authorization: string | undefined): Promise<string> {
    const body = await this.get(
      `/api/2.0/mlflow/logged-models/${encodeURIComponent(modelId)}`,
      `logged model ${modelId}`,
      authorization,
    );
    const uri = (body as { model?: { info?: { artifact_uri?: unknown } } }).model?.info?.artifact_uri;
    if (typeof uri !== 'string' || uri === '') throw unresolvable(`logged model ${modelId} has no artifact_uri`);
    return uri;
  }

  private async get(path: string, what: string, authorization: string | undefined): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        headers: authorization ? { authorization } : {},
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new RegistryError(
        'failed_precondition',
        `source: cannot look up ${what}: the tracking service at ${this.baseUrl} did not answer (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status === 404) throw unresolvable(`${what} does not exist in the tracking service`);
    if (!response.ok) {
      const message = (body as { message?: unknown } | undefined)?.message;
      throw new RegistryError(
        'failed_precondition',
        `source: the tracking service answered ${response.status} when asked for ${what}${typeof message === 'string' ? `: ${message}` : ''}`,
      );
    }
    return body;
  }
}

function unresolvable(reason: string): RegistryError {
  return new RegistryError('invalid_argument', `source: ${reason}`);
}
