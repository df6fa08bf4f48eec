import type { Value } from '@flywheel/pipelines';
import { isFinalRolloutState } from '@flywheel/traffic-policy';
import { CHAMPION_ALIAS, type CanaryController } from '../canary/canary-controller';
import type { RegistryClient } from '../clients/registry-client';
import type { BuiltinStepHandler, BuiltinStepContext } from './builtin-step-handler';
import { StepInputs } from './step-inputs';

/** Canary shares when `traffic_steps` is not given. */
export const DEFAULT_TRAFFIC_STEPS = [5, 25, 50, 100];
/** Analysis window per share when `step_interval` is not given. */
export const DEFAULT_STEP_INTERVAL_MS = 600_000;

/**
 * `deploy-canary`: starts (or, on a later attempt, finds) the rollout of `version` through
 * `traffic_steps` with `step_interval` per share, and waits for it to end and for its effects to
 * be performed (on promotion the `champion` alias names `version` when the step succeeds). Outputs
 * `deployment_id` (the rollout id) and `healthy`: true when the canary was promoted, false when
 * it was rolled back (the step still succeeds: the deployment concluded; `promote` is skipped by
 * its `when`).
 */
export function deployCanaryStep(canary: CanaryController, pollIntervalMs: number): BuiltinStepHandler {
  return async (input, context) => {
    const inputs = new StepInputs(context.step, input);
    const modelName = inputs.string('model_name');
    const version = inputs.version('version');
    const windowMs = inputs.durationMs('step_interval', DEFAULT_STEP_INTERVAL_MS);
    const steps = inputs
      .numbers('traffic_steps', DEFAULT_TRAFFIC_STEPS)
      .map((weightPercent) => ({ weightPercent, analysisWindowMs: windowMs }));
    const rolloutId = await canary.startRollout({
      modelName,
      canaryVersion: version,
      steps,
      runId: context.runId,
    });
    context.log(
      `rollout ${rolloutId} of ${modelName} version ${version}: ${steps.map((step) => `${step.weightPercent}%`).join(' → ')}, ${windowMs} ms each`,
    );
    for (;;) {
      const rollout = await canary.state(rolloutId);
      const state = rollout?.state;
      // Ended once its last effects are performed too: the alias moved, the policy published.
      if (state && isFinalRolloutState(state) && !rollout.effectsPending) {
        context.log(`rollout ended: ${state.status}`);
        return { deployment_id: rolloutId, healthy: state.status === 'promoted' };
      }
      await sleep(pollIntervalMs, context);
    }
  };
}

/**
 * `promote`: points `alias` (default `champion`) at `version`, unless it already does (a canary
 * rollout promotes on its own). Output `previous_version`: the version the alias named before
 * (0 when none), remembered across attempts in the version's `flywheel.previous_<alias>` tag.
 */
export function promoteStep(registry: RegistryClient): BuiltinStepHandler {
  return async (input, context): Promise<Record<string, Value>> => {
    const inputs = new StepInputs(context.step, input);
    const modelName = inputs.string('model_name');
    const version = inputs.version('version');
    const alias = inputs.optionalString('alias') ?? CHAMPION_ALIAS;
    const current = await registry.versionByAlias(modelName, alias);
    const tag = `flywheel.previous_${alias}`;
    if (current?.version === version) {
      const remembered = Number(current.tags[tag] ?? '0');
      context.log(`${alias} already names ${modelName} version ${version}`);
      return { previous_version: Number.isFinite(remembered) ? remembered : 0 };
    }
    const previous = current?.version ?? 0;
    await registry.setVersionTag(modelName, version, tag, String(previous));
    await registry.setAlias(modelName, alias, version);
    context.log(`${alias} of ${modelName}: version ${previous} → ${version}`);
    return { previous_version: previous };
  };
}

function sleep(ms: number, context: BuiltinStepContext): Promise<void> {
  return new Promise((resolve, reject) => {
    if (context.signal.aborted) {
      reject(context.signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(context.signal.reason as Error);
    };
    const timer = setTimeout(() => {
      context.signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    context.signal.addEventListener('abort', onAbort, { once: true });
  });
}
