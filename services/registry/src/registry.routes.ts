import { type Action, type RoutePolicyTable, grpcRouteId } from '@flywheel/access';
import { registryV1 } from '@flywheel/contracts';
import { AUDIT_ROUTES } from './audit/audit.routes';
import { mlflowRouteTable } from './mlflow-rest/mlflow-routes';

type RegistryMethod = keyof registryV1.RegistryServiceController;

/** Who may call each gRPC method of flywheel.registry.v1.RegistryService. */
const GRPC_ACTIONS: Record<RegistryMethod, Action> = {
  createRegisteredModel: 'models.register',
  getRegisteredModel: 'models.read',
  updateRegisteredModel: 'models.register',
  renameRegisteredModel: 'models.register',
  deleteRegisteredModel: 'models.delete',
  searchRegisteredModels: 'models.read',
  setRegisteredModelTag: 'models.register',
  deleteRegisteredModelTag: 'models.register',
  createModelVersion: 'models.register',
  getModelVersion: 'models.read',
  updateModelVersion: 'models.register',
  deleteModelVersion: 'models.delete',
  searchModelVersions: 'models.read',
  getLatestVersions: 'models.read',
  setModelVersionTag: 'models.register',
  deleteModelVersionTag: 'models.register',
  getModelVersionDownloadUri: 'models.read',
  transitionModelVersionStage: 'stages.transition',
  setRegisteredModelAlias: 'aliases.write',
  deleteRegisteredModelAlias: 'aliases.write',
  getModelVersionByAlias: 'models.read',
  setReferenceProfile: 'models.register',
  getReferenceProfile: 'models.read',
  setApprovalPolicy: 'policies.manage',
  getApprovalPolicy: 'models.read',
  // Stage targets also need stages.transition (same role); the use case checks the target.
  requestPromotion: 'aliases.write',
  approvePromotion: 'approvals.grant',
  // Requesters may withdraw their own requests; the use case lets only them or approvers through.
  rejectPromotion: 'aliases.write',
  listPromotionRequests: 'models.read',
};

const SERVICE_PATH = `/${registryV1.FLYWHEEL_REGISTRY_V1_PACKAGE_NAME}.${registryV1.REGISTRY_SERVICE_NAME}`;

function grpcMethodName(method: RegistryMethod): string {
  return `${method.charAt(0).toUpperCase()}${method.slice(1)}`;
}

/**
 * The registry's complete route policy table: every RegistryService method, every MLflow
 * model-registry REST route under both prefixes, and the audit API.
 */
export const REGISTRY_ROUTES: RoutePolicyTable = Object.freeze({
  ...Object.fromEntries(
    Object.entries(GRPC_ACTIONS).map(([method, action]) => [
      grpcRouteId(`${SERVICE_PATH}/${grpcMethodName(method as RegistryMethod)}`),
      action,
    ]),
  ),
  ...mlflowRouteTable(),
  ...AUDIT_ROUTES,
});
