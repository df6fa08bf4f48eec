import { createHash } from 'node:crypto';
import type { KubernetesTask, RetryPolicy } from '@flywheel/pipelines';

/** What a step's Job is built from. */
export interface JobSpecInput {
  runId: string;
  step: string;
  attempt: number;
  task: KubernetesTask;
  timeoutMs: number | undefined;
  retry: Pick<RetryPolicy, 'limit'>;
  /** Service addresses every step gets (a step's own `env` wins). */
  serviceEnv: Readonly<Record<string, string>>;
}

/** A `batch/v1` Job manifest, as the Kubernetes API takes it. */
export interface JobManifest {
  apiVersion: 'batch/v1';
  kind: 'Job';
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: {
    backoffLimit: number;
    activeDeadlineSeconds?: number;
    ttlSecondsAfterFinished: number;
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        restartPolicy: 'Never';
        containers: [
          {
            name: 'step';
            image: string;
            command?: string[];
            args?: string[];
            env: { name: string; value: string }[];
            resources: { requests: Record<string, string>; limits: Record<string, string> };
          },
        ];
      };
    };
  };
}

/** Finished Jobs are deleted by the cluster after a day; the run keeps their outcome. */
const TTL_AFTER_FINISHED_SECONDS = 86_400;

/**
 * The Job name of one attempt: deterministic (a restarted orchestrator finds the Job it
 * submitted instead of submitting a second), a DNS label of at most 63 characters.
 */
export function jobName(runId: string, step: string, attempt: number): string {
  const digest = createHash('sha256').update(`${runId}/${step}/${attempt}`).digest('hex').slice(0, 10);
  const readable = step
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, 30)
    .replace(/-+$/, '');
  return `fw-${readable}-${attempt}-${digest}`.slice(0, 63);
}

/**
 * The Job that runs a `kubernetes` step: the image with its command and args, the step's env
 * plus the run identifiers, resources as requests and limits (GPUs as `nvidia.com/gpu`),
 * `backoffLimit` from the step's retry limit (Kubernetes retries the pod, with its own
 * exponential backoff) and `activeDeadlineSeconds` covering every attempt's timeout.
 */
export function jobManifest(input: JobSpecInput, namespace: string): JobManifest {
  const labels = {
    'app.kubernetes.io/managed-by': 'flywheel-orchestration',
    'flywheel.dev/run-id': input.runId,
    'flywheel.dev/step': input.step.slice(0, 63),
    'flywheel.dev/attempt': String(input.attempt),
  };
  const env = {
    ...input.serviceEnv,
    ...input.task.env,
    FLYWHEEL_RUN_ID: input.runId,
    FLYWHEEL_STEP: input.step,
    FLYWHEEL_ATTEMPT: String(input.attempt),
  };
  const quantities: Record<string, string> = {
    ...(input.task.resources.cpu !== undefined && { cpu: input.task.resources.cpu }),
    ...(input.task.resources.memory !== undefined && { memory: input.task.resources.memory }),
    ...(input.task.resources.gpu !== undefined && { 'nvidia.com/gpu': String(input.task.resources.gpu) }),
  };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: jobName(input.runId, input.step, input.attempt), namespace, labels },
    spec: {
      backoffLimit: input.retry.limit,
      ...(input.timeoutMs !== undefined && {
        activeDeadlineSeconds: Math.max(1, Math.ceil((input.timeoutMs * (input.retry.limit + 1)) / 1000)),
      }),
      ttlSecondsAfterFinished: TTL_AFTER_FINISHED_SECONDS,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'step',
              image: input.task.image,
              ...(input.task.command.length > 0 && { command: [...input.task.command] }),
              ...(input.task.args.length > 0 && { args: [...input.task.args] }),
              env: Object.entries(env).map(([name, value]) => ({ name, value })),
              resources: { requests: quantities, limits: quantities },
            },
          ],
        },
      },
    },
  };
}
