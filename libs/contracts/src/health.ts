// The standard gRPC health protocol (grpc.health.v1). ServingStatus is exported under its
// short name; ts-proto names nested enums `HealthCheckResponse_ServingStatus`.
export {
  HealthCheckRequest,
  HealthCheckResponse,
  HealthCheckResponse_ServingStatus as ServingStatus,
  healthCheckResponse_ServingStatusFromJSON as servingStatusFromJSON,
  healthCheckResponse_ServingStatusToJSON as servingStatusToJSON,
  HealthControllerMethods,
  HEALTH_SERVICE_NAME,
  GRPC_HEALTH_V1_PACKAGE_NAME,
  protobufFileName as HEALTH_PROTO_FILE,
} from './gen/grpc/health/v1/health';
export type { HealthController, HealthClient } from './gen/grpc/health/v1/health';
