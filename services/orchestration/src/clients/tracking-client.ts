/** A tracking run as the built-in steps read it. */
export interface TrackingRun {
  runId: string;
  artifactUri: string;
  metrics: Record<string, number>;
  params: Record<string, string>;
}

interface MlflowRun {
  info: { run_id: string; artifact_uri: string };
  data?: { metrics?: { key: string; value: number | string }[]; params?: { key: string; value: string }[] };
}

/** How long one tracking call may take. */
const CALL_TIMEOUT_MS = 10_000;

/**
 * The tracking service through its MLflow REST API (the same one `mlflow` clients use): the
 * built-in trainer logs its run there, `evaluate` reads metrics back.
 */
export class TrackingClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  /** The experiment's id, created if it does not exist. */
  async experimentId(name: string): Promise<string> {
    const found = await this.call<{ experiment?: { experiment_id: string } }>(
      'GET',
      `experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`,
      undefined,
      [404],
    );
    if (found.experiment) return found.experiment.experiment_id;
    const created = await this.call<{ experiment_id: string }>('POST', 'experiments/create', { name });
    return created.experiment_id;
  }

  async createRun(experimentId: string, runName: string, tags: Record<string, string>): Promise<TrackingRun> {
    const { run } = await this.call<{ run: MlflowRun }>('POST', 'runs/create', {
      experiment_id: experimentId,
      run_name: runName,
      start_time: Date.now(),
      tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
    });
    return runOf(run);
  }

  async logBatch(
    runId: string,
    params: Record<string, string>,
    metrics: Record<string, number>,
  ): Promise<void> {
    const timestamp = Date.now();
    await this.call('POST', 'runs/log-batch', {
      run_id: runId,
      params: Object.entries(params).map(([key, value]) => ({ key, value })),
      metrics: Object.entries(metrics).map(([key, value]) => ({
        key,
        value: Number.isFinite(value) ? value : 'NaN',
        timestamp,
        step: 0,
      })),
    });
  }

  async finishRun(runId: string, status: 'FINISHED' | 'FAILED'): Promise<void> {
    await this.call('POST', 'runs/update', { run_id: runId, status, end_time: Date.now() });
  }

  async getRun(runId: string): Promise<TrackingRun> {
    const { run } = await this.call<{ run: MlflowRun }>(
      'GET',
      `runs/get?run_id=${encodeURIComponent(runId)}`,
    );
    return runOf(run);
  }

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    allowed: number[] = [],
  ): Promise<T> {
    const response = await fetch(`${this.baseUrl.replace(/\/+$/, '')}/api/2.0/mlflow/${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.token && { authorization: `Bearer ${this.token}` }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    const text = await response.text();
    if (allowed.includes(response.status)) return {} as T;
    if (!response.ok)
      throw new Error(`tracking ${path.split('?')[0]}: HTTP ${response.status} ${text.slice(0, 500)}`);
    return JSON.parse(text) as T;
  }
}

function runOf(run: MlflowRun): TrackingRun {
  return {
    runId: run.info.run_id,
    artifactUri: run.info.artifact_uri,
    metrics: Object.fromEntries((run.data?.metrics ?? []).map(({ key, value }) => [key, Number(value)])),
    params: Object.fromEntries((run.data?.params ?? []).map(({ key, value }) => [key, value])),
  };
}
