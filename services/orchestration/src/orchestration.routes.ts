import { type Action, type RoutePolicyTable, grpcRouteId } from '@flywheel/access';
import { orchestrationV1 } from '@flywheel/contracts';

type OrchestrationMethod = keyof orchestrationV1.OrchestrationServiceController;

/**
 * Who may call each method of flywheel.orchestration.v1.OrchestrationService. Defining a
 * pipeline decides what commands run on the orchestration host, so it is for admins only;
 * triggering only picks a stored definition and its declared parameters.
 */
const GRPC_ACTIONS: Record<OrchestrationMethod, Action> = {
  registerPipeline: 'pipelines.define',
  getPipeline: 'pipelines.read',
  listPipelines: 'pipelines.read',
  triggerPipeline: 'pipelines.trigger',
  getRun: 'pipelines.read',
  startRun: 'pipelines.trigger',
  cancelRun: 'pipelines.trigger',
  listRuns: 'pipelines.read',
};

const SERVICE_PATH = `/${orchestrationV1.FLYWHEEL_ORCHESTRATION_V1_PACKAGE_NAME}.${orchestrationV1.ORCHESTRATION_SERVICE_NAME}`;

/** The orchestration service's complete route policy table. */
export const ORCHESTRATION_ROUTES: RoutePolicyTable = Object.freeze(
  Object.fromEntries(
    Object.entries(GRPC_ACTIONS).map(([method, action]) => [
      grpcRouteId(`${SERVICE_PATH}/${method.charAt(0).toUpperCase()}${method.slice(1)}`),
      action,
    ]),
  ),
);
