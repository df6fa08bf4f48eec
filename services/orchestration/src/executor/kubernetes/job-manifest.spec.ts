import type { KubernetesTask } from '@flywheel/pipelines';
import { jobManifest, jobName } from './job-manifest';
import { createJobRequest, deleteJobRequest, jobPhase, readJobRequest } from './job-requests';
import { KubernetesStepExecutor, NO_CLUSTER_MESSAGE } from './kubernetes-step-executor';

const task: KubernetesTask = {
  kind: 'kubernetes',
  image: 'ghcr.io/acme/trainer:1.2',
  command: ['python', 'train.py'],
  args: ['--epochs=3'],
  env: { MODE: 'full', FLYWHEEL_RUN_ID: 'forged' },
  resources: { cpu: '2', memory: '4Gi', gpu: 1 },
};
const input = {
  runId: '0b7c5a8e-2f7e-4c1c-9a55-3f1d2a4b5c6d',
  step: 'train',
  attempt: 2,
  task,
  timeoutMs: 90_500,
  retry: { limit: 2 },
  serviceEnv: { MLFLOW_TRACKING_URI: 'http://tracking:5001', MODE: 'overridden' },
};

describe('jobManifest', () => {
  it('builds a batch/v1 Job: env with run identifiers that cannot be forged, resources, backoffLimit from retries, deadline from the timeout', () => {
    const manifest = jobManifest(input, 'ml');
    expect(manifest).toMatchObject({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: jobName(input.runId, 'train', 2), namespace: 'ml' },
      spec: { backoffLimit: 2, activeDeadlineSeconds: 272 },
    });
    const [container] = manifest.spec.template.spec.containers;
    expect(manifest.spec.template.spec.restartPolicy).toBe('Never');
    expect(container).toMatchObject({
      image: 'ghcr.io/acme/trainer:1.2',
      command: ['python', 'train.py'],
      args: ['--epochs=3'],
    });
    expect(Object.fromEntries(container.env.map(({ name, value }) => [name, value]))).toEqual({
      MLFLOW_TRACKING_URI: 'http://tracking:5001',
      MODE: 'full',
      FLYWHEEL_RUN_ID: input.runId,
      FLYWHEEL_STEP: 'train',
      FLYWHEEL_ATTEMPT: '2',
    });
    expect(container.resources).toEqual({
      requests: { cpu: '2', memory: '4Gi', 'nvidia.com/gpu': '1' },
      limits: { cpu: '2', memory: '4Gi', 'nvidia.com/gpu': '1' },
    });
  });

  it('omits the deadline without a timeout, and names jobs deterministically as DNS labels', () => {
    expect(jobManifest({ ...input, timeoutMs: undefined }, 'ml').spec).not.toHaveProperty(
      'activeDeadlineSeconds',
    );
    const name = jobName(input.runId, 'a-very-long-step-name-that-goes-on-and-on-and-on-forever', 1);
    expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(jobName(input.runId, 'train', 1)).toBe(jobName(input.runId, 'train', 1));
    expect(jobName(input.runId, 'train', 1)).not.toBe(jobName(input.runId, 'train', 2));
  });
});

describe('Kubernetes API requests', () => {
  it('posts the manifest with the bearer token, reads and deletes the job by name', () => {
    const manifest = jobManifest(input, 'ml');
    const create = createJobRequest('https://k8s.example:6443/', 'tok', manifest);
    expect(create).toMatchObject({
      method: 'POST',
      url: 'https://k8s.example:6443/apis/batch/v1/namespaces/ml/jobs',
      headers: { authorization: 'Bearer tok', 'content-type': 'application/json' },
    });
    expect(JSON.parse(create.body!)).toEqual(manifest);
    expect(readJobRequest('https://k8s', 't', 'ml', 'job-1').url).toBe(
      'https://k8s/apis/batch/v1/namespaces/ml/jobs/job-1',
    );
    expect(deleteJobRequest('https://k8s', 't', 'ml', 'job-1')).toMatchObject({
      method: 'DELETE',
      url: 'https://k8s/apis/batch/v1/namespaces/ml/jobs/job-1?propagationPolicy=Background',
    });
  });

  it('reads a job phase from its status conditions', () => {
    expect(jobPhase({})).toEqual({ done: false });
    expect(jobPhase({ status: { succeeded: 1 } })).toEqual({ done: true, succeeded: true });
    expect(
      jobPhase({
        status: {
          conditions: [
            {
              type: 'Failed',
              status: 'True',
              reason: 'BackoffLimitExceeded',
              message: 'Job has reached the specified backoff limit',
            },
          ],
        },
      }),
    ).toEqual({
      done: true,
      succeeded: false,
      reason: 'BackoffLimitExceeded: Job has reached the specified backoff limit',
    });
  });
});

describe('KubernetesStepExecutor', () => {
  it('fails clearly, without retry, when no cluster is configured', async () => {
    const outcome = await new KubernetesStepExecutor(undefined).start({
      runId: input.runId,
      step: 'train',
      attempt: 1,
      task,
      timeoutMs: undefined,
    }).outcome;
    expect(outcome).toMatchObject({ succeeded: false, retryable: false, message: NO_CLUSTER_MESSAGE });
  });

  it('submits the job, adopts one already submitted (409), and reports its completion', async () => {
    const sent: string[] = [];
    const replies = [
      { status: 409, body: {} },
      { status: 200, body: { status: { succeeded: 1 } } },
    ];
    const executor = new KubernetesStepExecutor(
      { apiUrl: 'https://k8s', namespace: 'ml', token: 't' },
      {},
      (request) => {
        sent.push(`${request.method} ${request.url}`);
        return Promise.resolve(replies.shift()!);
      },
    );
    const outcome = await executor.start({
      runId: input.runId,
      step: 'train',
      attempt: 1,
      task,
      timeoutMs: 1000,
      retryLimit: 1,
    }).outcome;
    expect(outcome.succeeded).toBe(true);
    expect(sent).toEqual([
      'POST https://k8s/apis/batch/v1/namespaces/ml/jobs',
      `GET https://k8s/apis/batch/v1/namespaces/ml/jobs/${jobName(input.runId, 'train', 1)}`,
    ]);
  });
});
