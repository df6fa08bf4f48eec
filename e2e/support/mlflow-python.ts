import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO_ROOT = join(__dirname, '..', '..');
const SCRIPTS = join(REPO_ROOT, 'e2e', 'python');

/**
 * The venv interpreter with the pinned mlflow client, installing it first when missing
 * (scripts/stack/python.sh: quiet and instant when the venv is current).
 */
export async function mlflowPython(): Promise<string> {
  const { stdout } = await run('bash', [join(REPO_ROOT, 'scripts', 'stack', 'python.sh'), 'path'], {
    cwd: REPO_ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout.trim();
}

export interface ScriptResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The JSON object the script printed as its last stdout line, when it did. */
  summary: Record<string, unknown> | undefined;
}

/** Runs one of the e2e/python scripts to completion with extra environment variables. */
export async function runMlflowScript(
  python: string,
  script: string,
  env: Record<string, string>,
  timeoutMs = 240_000,
): Promise<ScriptResult> {
  const options = {
    cwd: SCRIPTS,
    env: { ...process.env, ...env },
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  };
  try {
    const { stdout, stderr } = await run(python, [join(SCRIPTS, script)], options);
    return { exitCode: 0, stdout, stderr, summary: lastJsonLine(stdout) };
  } catch (error) {
    const failed = error as { code?: number | string; signal?: string; stdout?: string; stderr?: string };
    const exitCode = typeof failed.code === 'number' ? failed.code : -1;
    const stderr = `${failed.stderr ?? ''}${failed.signal ? `\n(killed by ${failed.signal})` : ''}`;
    return { exitCode, stdout: failed.stdout ?? '', stderr, summary: undefined };
  }
}

function lastJsonLine(stdout: string): Record<string, unknown> | undefined {
  const last = stdout.trim().split('\n').pop();
  if (last === undefined || !last.startsWith('{')) return undefined;
  return JSON.parse(last) as Record<string, unknown>;
}

/** A failure message with everything needed to see why: the script's output and the server log. */
export function describeFailure(script: string, result: ScriptResult, serverLog: string): string {
  return [
    `${script} exited ${result.exitCode}`,
    `--- stderr ---\n${result.stderr}`,
    `--- stdout ---\n${result.stdout}`,
    `--- flywheel log (last 200 lines) ---\n${serverLog.split('\n').slice(-200).join('\n')}`,
  ].join('\n');
}
