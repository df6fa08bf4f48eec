// The generated Kafka event types, enums and their MessageFns, re-exported by name so the public
// API is explicit and ts-proto's per-file helpers (protobufPackage, MessageFns, DeepPartial) never
// clash. Enum names carry their area (InferenceStatus, DeploymentEventKind) for the same reason.
export {
  InferenceLog,
  Prediction,
  Variant,
  variantFromJSON,
  variantToJSON,
  InferenceStatus,
  inferenceStatusFromJSON,
  inferenceStatusToJSON,
  FLYWHEEL_INFERENCE_V1_PACKAGE_NAME,
} from './gen/flywheel/inference/v1/inference_log';
export { InferenceFeedback } from './gen/flywheel/inference/v1/inference_feedback';
export {
  RegistryEvent,
  ModelCreated,
  ModelDeleted,
  VersionCreated,
  VersionStatusChanged,
  AliasSet,
  AliasDeleted,
  StageTransitioned,
  ModelUpdated,
  ModelRenamed,
  ModelTagSet,
  ModelTagDeleted,
  VersionUpdated,
  VersionDeleted,
  VersionTagSet,
  VersionTagDeleted,
  ReferenceProfileSet,
  ApprovalPolicySet,
  PromotionRequested,
  PromotionRejected,
  ModelVersionStatus,
  modelVersionStatusFromJSON,
  modelVersionStatusToJSON,
  ModelStage,
  modelStageFromJSON,
  modelStageToJSON,
  FLYWHEEL_REGISTRY_V1_PACKAGE_NAME,
} from './gen/flywheel/registry/v1/registry_event';
export {
  DriftReport,
  FeatureDrift,
  FeatureKind,
  featureKindFromJSON,
  featureKindToJSON,
  DriftMethod,
  driftMethodFromJSON,
  driftMethodToJSON,
  FLYWHEEL_MONITORING_V1_PACKAGE_NAME,
} from './gen/flywheel/monitoring/v1/drift_report';
export {
  OrchestrationCommand,
  RetrainRequested,
  RollbackRequested,
  Evidence,
  FLYWHEEL_ORCHESTRATION_V1_PACKAGE_NAME,
} from './gen/flywheel/orchestration/v1/orchestration_command';
export {
  DeploymentEvent,
  DeploymentEventKind,
  deploymentEventKindFromJSON,
  deploymentEventKindToJSON,
  FLYWHEEL_DEPLOYMENT_V1_PACKAGE_NAME,
} from './gen/flywheel/deployment/v1/deployment_event';
export { TrafficPolicy } from './gen/flywheel/deployment/v1/traffic_policy';
export { RunEvent, RunFinished } from './gen/flywheel/tracking/v1/run_event';
