export { Topic, ALL_TOPICS, isTopic, DLQ_SUFFIX, dlqTopic } from './topic';
export { codecFor, MessageDecodeError } from './message-codec';
export type { BinaryFns, MessageCodec, GeneratedMessageFns } from './message-codec';
export { decodeInferenceLog, encodeInferenceLog } from './inference-log-binary';
export { WireReader } from './wire/wire-reader';
export { TOPIC_CODECS, codecForTopic } from './topic-messages';
export type { TopicMessages } from './topic-messages';
export { TOPIC_KEY_FIELD, topicKey } from './topic-key';
export { PROTO_ROOT, protoPath } from './proto-root';
export { PROTO_LOADER_OPTIONS } from './proto-loader-options';
export * from './messages';
export * from './health';
// gRPC API of the registry service, namespaced: its messages share names with other APIs'.
export * as registryV1 from './gen/flywheel/registry/v1/registry_service';
// gRPC API of the orchestration service (pipelines and runs), namespaced for the same reason.
export * as orchestrationV1 from './gen/flywheel/orchestration/v1/orchestration_service';
// gRPC API of the tracking service, namespaced for the same reason.
export * as trackingV1 from './tracking-v1';
// gRPC API of the audit log (served by the registry), namespaced for the same reason.
export * as auditV1 from './audit-v1';
// The Open Inference Protocol (KServe v2 / Triton) gRPC API served by the serving gateway;
// package `inference`, namespaced because its names are generic (ModelInferRequest...).
export * as inferenceV2 from './gen/inference/grpc_service';
