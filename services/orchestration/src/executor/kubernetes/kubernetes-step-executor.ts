import type { KubernetesTask } from '@flywheel/pipelines';
import type { KubernetesOptions } from '../../orchestration-options';
import {
  type StepAttempt,
  type StepLaunch,
  type StepOutcome,
  failedOutcome,
  settledAttempt,
} from '../step-executor';
import { jobManifest } from './job-manifest';
import {
  type KubernetesRequest,
  createJobRequest,
  deleteJobRequest,
  jobPhase,
  readJobRequest,
} from './job-requests';

/** How often a submitted Job's status is read. */
const STATUS_POLL_MS = 5_000;

export const NO_CLUSTER_MESSAGE =
  'kubernetes steps need a cluster: set FLYWHEEL_ORCHESTRATION_KUBERNETES_API (https://…) and FLYWHEEL_ORCHESTRATION_KUBERNETES_TOKEN';

/**
 * Runs a `kubernetes` step as a `batch/v1` Job through the Kubernetes API over HTTPS: submits
 * the manifest (a Job of the same deterministic name already there, after an orchestrator
 * restart, is adopted), polls its status until it completes or fails, and deletes it when the
 * attempt is stopped. Kubernetes retries the pod (`backoffLimit`), so a failed Job is final.
 * Without a configured cluster every attempt fails at once, saying so.
 */
export class KubernetesStepExecutor {
  constructor(
    private readonly cluster: KubernetesOptions | undefined,
    private readonly serviceEnv: Readonly<Record<string, string>> = {},
    private readonly send: (
      request: KubernetesRequest,
    ) => Promise<{ status: number; body: unknown }> = sendRequest,
  ) {}

  start(launch: StepLaunch<KubernetesTask>): StepAttempt {
    const cluster = this.cluster;
    if (!cluster) return settledAttempt(failedOutcome(NO_CLUSTER_MESSAGE, false));
    const manifest = jobManifest(
      { ...launch, retry: { limit: launch.retryLimit ?? 0 }, serviceEnv: this.serviceEnv },
      cluster.namespace,
    );
    const name = manifest.metadata.name;
    let stopped = false;
    const outcome = (async (): Promise<StepOutcome> => {
      try {
        const created = await this.send(createJobRequest(cluster.apiUrl, cluster.token, manifest));
        if (created.status !== 201 && created.status !== 409)
          return failedOutcome(
            `kubernetes refused job ${name}: HTTP ${created.status} ${JSON.stringify(created.body)}`,
          );
        for (;;) {
          if (stopped) return failedOutcome(`stopped; job ${name} deleted`);
          const read = await this.send(
            readJobRequest(cluster.apiUrl, cluster.token, cluster.namespace, name),
          );
          if (read.status !== 200) return failedOutcome(`reading job ${name}: HTTP ${read.status}`);
          const phase = jobPhase(read.body as Parameters<typeof jobPhase>[0]);
          if (phase.done)
            return phase.succeeded
              ? { succeeded: true, message: '', exitCode: undefined, outputTail: `job ${name} completed` }
              : { ...failedOutcome(`job ${name} failed: ${phase.reason}`, false), outputTail: '' };
          await new Promise((resolve) => setTimeout(resolve, STATUS_POLL_MS));
        }
      } catch (error) {
        return failedOutcome(
          `kubernetes API ${cluster.apiUrl}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    })();
    return {
      outcome,
      stop: () => {
        stopped = true;
        void this.send(deleteJobRequest(cluster.apiUrl, cluster.token, cluster.namespace, name)).catch(
          () => undefined,
        );
      },
    };
  }
}

async function sendRequest(request: KubernetesRequest): Promise<{ status: number; body: unknown }> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined && { body: request.body }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's error page): keep the text for the message.
  }
  return { status: response.status, body };
}
