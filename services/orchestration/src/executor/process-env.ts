/**
 * The environment a process step runs with: PATH and the allowlisted host variables (nothing
 * else of the orchestrator's environment, which holds credentials), then the step's own `env`
 * from the registered definition (after the service addresses the orchestrator hands every
 * process), then the run's identifiers, which the step cannot override.
 */
export function processEnv(
  host: Readonly<Record<string, string | undefined>>,
  allowlist: readonly string[],
  stepEnv: Readonly<Record<string, string>>,
  run: { runId: string; step: string; attempt: number; workDir: string; outputsFile: string },
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', ...allowlist]) {
    const value = host[name];
    if (value !== undefined) env[name] = value;
  }
  Object.assign(env, stepEnv);
  env.FLYWHEEL_RUN_ID = run.runId;
  env.FLYWHEEL_STEP = run.step;
  env.FLYWHEEL_ATTEMPT = String(run.attempt);
  env.FLYWHEEL_RUN_DIR = run.workDir;
  env.FLYWHEEL_OUTPUTS = run.outputsFile;
  return env;
}
