import { DeploymentEventKind } from '../src/gen/flywheel/deployment/v1/deployment_event';
import { InferenceStatus, Variant } from '../src/gen/flywheel/inference/v1/inference_log';
import { DriftMethod, FeatureKind } from '../src/gen/flywheel/monitoring/v1/drift_report';
import { RunStatus } from '../src/gen/flywheel/tracking/v1/tracking';
import { Topic } from '../src/topic';
import { TopicMessages } from '../src/topic-messages';

/** Epoch milliseconds above 2^32, so a 32-bit truncation anywhere would show. */
export const T0 = 1_732_000_000_123;

/** One fully-populated payload per topic: every scalar, map, enum and a oneof member set. */
export const SAMPLE_MESSAGES: { readonly [T in Topic]: TopicMessages[T] } = {
  [Topic.InferenceLogs]: {
    requestId: 'req-1',
    modelName: 'fraud',
    modelVersion: 3,
    variant: Variant.CANARY,
    timestampMs: T0,
    numericFeatures: { amount: 42.5, age_days: -3 },
    categoricalFeatures: { country: 'DE', channel: 'web' },
    prediction: { score: 0.875, label: 'fraud', rawOutputs: { fraud: 0.875, legit: 0.125 } },
    latencyMs: 1.25,
    status: InferenceStatus.OK,
    error: '',
  },
  [Topic.InferenceFeedback]: {
    requestId: 'req-1',
    modelName: 'fraud',
    label: 'legit',
    value: 0,
    timestampMs: T0 + 60_000,
  },
  [Topic.RegistryEvents]: {
    eventId: 'evt-7',
    modelName: 'fraud',
    occurredAtMs: T0,
    actor: 'ci-job-12',
    aliasSet: { alias: 'champion', version: 4, previousVersion: 3 },
  },
  [Topic.MonitoringDrift]: {
    reportId: 'rep-1',
    modelName: 'fraud',
    modelVersion: 3,
    windowStartMs: T0,
    windowEndMs: T0 + 300_000,
    rowCount: 12_345,
    features: [
      {
        feature: 'amount',
        kind: FeatureKind.NUMERIC,
        method: DriftMethod.KS,
        statistic: 0.31,
        pValue: 0.001,
        threshold: 0.05,
        drifted: true,
      },
    ],
    datasetDrift: true,
    driftShare: 0.5,
    predictionDrift: {
      feature: 'prediction',
      kind: FeatureKind.NUMERIC,
      method: DriftMethod.PSI,
      statistic: 0.02,
      pValue: 0,
      threshold: 0.2,
      drifted: false,
    },
  },
  [Topic.OrchestrationCommands]: {
    commandId: 'cmd-1',
    modelName: 'fraud',
    issuedAtMs: T0,
    issuedBy: 'monitoring',
    rollbackRequested: {
      canaryVersion: 4,
      reason: 'canary error rate 4.1% > 1%',
      evidence: {
        windowStartMs: T0,
        windowEndMs: T0 + 300_000,
        driftedFeatures: ['amount'],
        statistics: { canary_error_rate: 0.041 },
      },
    },
  },
  [Topic.DeploymentEvents]: {
    eventId: 'dep-1',
    modelName: 'fraud',
    occurredAtMs: T0,
    kind: DeploymentEventKind.STEP_ADVANCED,
    policy: {
      championVersion: 3,
      canaryVersion: 4,
      canaryWeightPercent: 25,
      shadowVersion: 0,
      stickyKeyHeader: 'x-user-id',
    },
    reason: 'canary step 2/4 healthy',
  },
  [Topic.TrackingRuns]: {
    eventId: 'run-evt-1',
    runId: '0f3c2a9b8d7e4c1a9b2f6e5d4c3b2a10',
    experimentId: '7',
    occurredAtMs: T0,
    actor: 'ci-job-12',
    runFinished: {
      status: RunStatus.FINISHED,
      runName: 'fraud-xgb-42',
      userId: 'alice',
      startTimeMs: T0 - 60_000,
      endTimeMs: T0,
      artifactUri: 'mlflow-artifacts:/7/0f3c2a9b8d7e4c1a9b2f6e5d4c3b2a10/artifacts',
      metrics: { rmse: 0.125, auc: 0.93 },
      params: { model: 'xgb' },
      tags: { team: 'risk' },
    },
  },
};
