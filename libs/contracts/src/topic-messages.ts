import { DeploymentEvent } from './gen/flywheel/deployment/v1/deployment_event';
import { InferenceFeedback } from './gen/flywheel/inference/v1/inference_feedback';
import { InferenceLog } from './gen/flywheel/inference/v1/inference_log';
import { DriftReport } from './gen/flywheel/monitoring/v1/drift_report';
import { OrchestrationCommand } from './gen/flywheel/orchestration/v1/orchestration_command';
import { RegistryEvent } from './gen/flywheel/registry/v1/registry_event';
import { RunEvent } from './gen/flywheel/tracking/v1/run_event';
import { decodeInferenceLog, encodeInferenceLog } from './inference-log-binary';
import { codecFor, MessageCodec } from './message-codec';
import { Topic } from './topic';

/** The payload type carried by each topic. */
export interface TopicMessages {
  [Topic.InferenceLogs]: InferenceLog;
  [Topic.InferenceFeedback]: InferenceFeedback;
  [Topic.RegistryEvents]: RegistryEvent;
  [Topic.MonitoringDrift]: DriftReport;
  [Topic.OrchestrationCommands]: OrchestrationCommand;
  [Topic.DeploymentEvents]: DeploymentEvent;
  [Topic.TrackingRuns]: RunEvent;
}

/** The codec of each topic's payload. */
export const TOPIC_CODECS: { readonly [T in Topic]: MessageCodec<TopicMessages[T]> } = Object.freeze({
  [Topic.InferenceLogs]: codecFor(InferenceLog, 'flywheel.inference.v1.InferenceLog', {
    encode: encodeInferenceLog,
    decode: decodeInferenceLog,
  }),
  [Topic.InferenceFeedback]: codecFor(InferenceFeedback, 'flywheel.inference.v1.InferenceFeedback'),
  [Topic.RegistryEvents]: codecFor(RegistryEvent, 'flywheel.registry.v1.RegistryEvent'),
  [Topic.MonitoringDrift]: codecFor(DriftReport, 'flywheel.monitoring.v1.DriftReport'),
  [Topic.OrchestrationCommands]: codecFor(
    OrchestrationCommand,
    'flywheel.orchestration.v1.OrchestrationCommand',
  ),
  [Topic.DeploymentEvents]: codecFor(DeploymentEvent, 'flywheel.deployment.v1.DeploymentEvent'),
  [Topic.TrackingRuns]: codecFor(RunEvent, 'flywheel.tracking.v1.RunEvent'),
});

/** The codec of `topic`'s payload. */
export function codecForTopic<T extends Topic>(topic: T): MessageCodec<TopicMessages[T]> {
  return TOPIC_CODECS[topic];
}
