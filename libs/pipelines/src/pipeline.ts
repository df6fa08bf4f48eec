import type { BuiltinStepName } from './builtin-steps';
import type { ScalarValue, Value } from './values';

/**
 * A validated pipeline definition. Plain JSON data: it can be stored, hashed and sent as is.
 * Strings in step inputs, arguments, environment values and `when` keep their `${{ }}`
 * placeholders; they are resolved against a run when a step starts.
 */
export interface Pipeline {
  readonly apiVersion: typeof PIPELINE_API_VERSION;
  readonly name: string;
  readonly description?: string;
  readonly params: readonly ParamSpec[];
  readonly concurrency: ConcurrencyPolicy;
  readonly triggers: readonly Trigger[];
  /** In the order written. */
  readonly steps: readonly Step[];
  /** Runs once every step has finished, whatever the outcome, including after cancellation. */
  readonly onExit?: Step;
}

export const PIPELINE_API_VERSION = 'flywheel/v1';

export type ParamType = 'string' | 'number' | 'boolean';

export interface ParamSpec {
  readonly name: string;
  readonly type: ParamType;
  /** Without a default the parameter is required when a run starts. */
  readonly default?: ScalarValue;
  readonly description?: string;
}

/** What happens when a run is requested while another run of the same pipeline is active. */
export type ConcurrencyPolicy = 'allow' | 'forbid' | 'replace';

export type Trigger =
  | {
      readonly kind: 'event';
      readonly event: string;
      readonly filter: Readonly<Record<string, string>>;
      readonly params: Readonly<Record<string, ScalarValue>>;
    }
  | {
      readonly kind: 'schedule';
      readonly schedule: string;
      readonly params: Readonly<Record<string, ScalarValue>>;
    };

export interface Step {
  readonly name: string;
  readonly description?: string;
  readonly task: StepTask;
  readonly dependsOn: readonly string[];
  /** A condition over params and upstream steps; the step is skipped when it is false. */
  readonly when?: string;
  readonly retry: RetryPolicy;
  /** Per attempt. */
  readonly timeoutMs?: number;
  /** Reuse the outputs of an earlier run with the same cache key instead of running. */
  readonly cache: boolean;
  /** Output keys other steps may reference: the built-in step's plus those declared. */
  readonly outputs: readonly string[];
}

export type StepTask = BuiltinTask | ProcessTask | KubernetesTask;

export interface BuiltinTask {
  readonly kind: 'builtin';
  readonly uses: BuiltinStepName;
  readonly with: Readonly<Record<string, Value>>;
}

/** Runs a command on the orchestration host; only definitions registered by an admin may. */
export interface ProcessTask {
  readonly kind: 'process';
  /** Never templated: what runs is fixed when the definition is registered. */
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/** Runs a container as a Kubernetes Job; like `process`, it runs arbitrary code. */
export interface KubernetesTask {
  readonly kind: 'kubernetes';
  /** Never templated, like `process.command`. */
  readonly image: string;
  readonly command: readonly string[];
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly resources: KubernetesResources;
}

export interface KubernetesResources {
  /** Kubernetes quantity: `2`, `500m`. */
  readonly cpu?: string;
  /** Kubernetes quantity: `4Gi`, `512Mi`. */
  readonly memory?: string;
  readonly gpu?: number;
}

/** Attempt n+1 starts `min(maxBackoffMs, backoffMs * factor^(n-1))` after attempt n failed, less jitter. */
export interface RetryPolicy {
  /** Retries after the first attempt; 0 disables retrying. */
  readonly limit: number;
  readonly backoffMs: number;
  readonly factor: number;
  readonly maxBackoffMs: number;
  /** 0..1: the delay is reduced by up to this fraction at random, so retries spread out. */
  readonly jitter: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  limit: 0,
  backoffMs: 10_000,
  factor: 2,
  maxBackoffMs: 600_000,
  jitter: 0,
};
