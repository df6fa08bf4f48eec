// The audit log's gRPC API (proto/flywheel/audit/v1), exported from the index as the `auditV1`
// namespace. Re-exported by name so ts-proto's per-file helpers stay out.
export {
  protobufFileName,
  FLYWHEEL_AUDIT_V1_PACKAGE_NAME,
  AUDIT_SERVICE_NAME,
  AuditServiceControllerMethods,
  type AuditServiceController,
  type AuditServiceClient,
  ListAuditEntriesRequest,
  ListAuditEntriesResponse,
  AuditEntry,
  AuditPrincipal,
  AuditTarget,
} from './gen/flywheel/audit/v1/audit_service';
