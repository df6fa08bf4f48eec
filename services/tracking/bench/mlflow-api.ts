import { expectOk, type JsonClient } from './bench-http';

/** The MLflow REST 2.0 calls the workloads make, identical for both servers. */
export const API = '/api/2.0/mlflow';

export interface MetricJson {
  key: string;
  value: number;
  timestamp: number;
  step: number;
}

export async function createExperiment(client: JsonClient, name: string): Promise<string> {
  const body = expectOk(await client.post(`${API}/experiments/create`, { name }), 'experiments/create');
  return String(body.experiment_id);
}

export async function createRun(client: JsonClient, experimentId: string, runName: string): Promise<string> {
  const body = expectOk(
    await client.post(`${API}/runs/create`, {
      experiment_id: experimentId,
      run_name: runName,
      start_time: Date.now(),
    }),
    'runs/create',
  );
  const run = body.run as { info?: { run_id?: string } } | undefined;
  const runId = run?.info?.run_id;
  if (typeof runId !== 'string')
    throw new Error(`runs/create answered no run.info.run_id: ${JSON.stringify(body)}`);
  return runId;
}
