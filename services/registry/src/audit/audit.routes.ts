import { type RoutePolicyTable, grpcRouteId } from '@flywheel/access';
import { auditV1 } from '@flywheel/contracts';

/** The audit API's gRPC package and proto file, for the registry's ServiceDefinition. */
export const AUDIT_GRPC_PACKAGE = auditV1.FLYWHEEL_AUDIT_V1_PACKAGE_NAME;
export const AUDIT_PROTO_FILE = auditV1.protobufFileName;

/** Route policy entries of the audit API, to merge into the registry's table. */
export const AUDIT_ROUTES: RoutePolicyTable = Object.freeze({
  [grpcRouteId(`/${AUDIT_GRPC_PACKAGE}.${auditV1.AUDIT_SERVICE_NAME}/ListAuditEntries`)]: 'audit.read',
});
