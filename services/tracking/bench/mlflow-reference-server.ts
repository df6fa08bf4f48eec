import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, uniqueName } from '@flywheel/testing';
import { startChildServer } from './child-server';
import { startOnScratchDatabase, type BenchServer } from './bench-server';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const MLFLOW_DEFAULT_WORKERS = 4;

/**
 * MLflow's own tracking server from PyPI (the version pinned in e2e/python/requirements.txt,
 * installed by scripts/stack/python.sh) on a fresh PostgreSQL database of the stack, proxying
 * artifacts to a local folder. `--workers` is left at MLflow's default (4 uvicorn workers in
 * MLflow 3), as `mlflow server` runs when deployed without tuning. Its background job runner
 * (GenAI evaluation jobs, eight polling processes) is switched off: no part of tracking, it would
 * only take CPU from MLflow's own workers on two cores.
 */
export async function startMlflowReferenceServer(workDir: string): Promise<BenchServer> {
  const { stdout } = await promisify(execFile)('bash', [
    join(REPO_ROOT, 'scripts', 'stack', 'python.sh'),
    'path',
  ]);
  const python = stdout.trim();
  const version = await mlflowVersion(python);
  const port = await freePort();
  return startOnScratchDatabase(uniqueName('mlflow_bench'), async (database) => {
    // MLflow's SQLAlchemy 2.1 maps plain postgresql:// to psycopg 3; the venv has psycopg2.
    const backendUri = new URL(database.url);
    backendUri.protocol = 'postgresql+psycopg2:';
    const server = await startChildServer({
      name: 'mlflow server',
      command: python,
      args: [
        '-m',
        'mlflow',
        'server',
        '--backend-store-uri',
        backendUri.toString(),
        '--serve-artifacts',
        '--artifacts-destination',
        join(workDir, 'mlflow-artifacts'),
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
      ],
      options: {
        cwd: workDir,
        env: { ...process.env, PYTHONUNBUFFERED: '1', MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false' },
      },
      baseUrl: new URL(`http://127.0.0.1:${port}`),
      readyPath: '/health',
      // One per uvicorn worker; MLflow 3 starts 4 unless --workers says otherwise.
      readyLog: { line: 'Application startup complete.', count: MLFLOW_DEFAULT_WORKERS },
      logFile: join(workDir, 'mlflow-server.log'),
      // Four workers each import mlflow: over a minute on two busy cores.
      readyTimeoutMs: 300_000,
    });
    return {
      name: 'mlflow',
      description: `mlflow server ${version} (${MLFLOW_DEFAULT_WORKERS} workers: the default)`,
      server,
    };
  });
}

async function mlflowVersion(python: string): Promise<string> {
  const { stdout } = await promisify(execFile)(python, ['-c', 'import mlflow; print(mlflow.__version__)']);
  return stdout.trim();
}
