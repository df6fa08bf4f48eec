import { type RoutePolicyTable, grpcRouteId, httpRouteId } from '@flywheel/access';

const GRPC_SERVICE = '/inference.GRPCInferenceService';

/**
 * Who may call what. Liveness and readiness are public (probes and load balancers call them
 * without credentials); metadata and inference need `inference.predict` (viewer and above).
 */
export const SERVING_GATEWAY_ROUTES: RoutePolicyTable = {
  [grpcRouteId(`${GRPC_SERVICE}/ServerLive`)]: 'public',
  [grpcRouteId(`${GRPC_SERVICE}/ServerReady`)]: 'public',
  [grpcRouteId(`${GRPC_SERVICE}/ModelReady`)]: 'inference.predict',
  [grpcRouteId(`${GRPC_SERVICE}/ServerMetadata`)]: 'inference.predict',
  [grpcRouteId(`${GRPC_SERVICE}/ModelMetadata`)]: 'inference.predict',
  [grpcRouteId(`${GRPC_SERVICE}/ModelInfer`)]: 'inference.predict',
  [httpRouteId('GET', '/v2/health/live')]: 'public',
  [httpRouteId('GET', '/v2/health/ready')]: 'public',
  [httpRouteId('GET', '/v2')]: 'inference.predict',
  [httpRouteId('GET', '/v2/models/:model')]: 'inference.predict',
  [httpRouteId('GET', '/v2/models/:model/versions/:version')]: 'inference.predict',
  [httpRouteId('GET', '/v2/models/:model/ready')]: 'inference.predict',
  [httpRouteId('GET', '/v2/models/:model/versions/:version/ready')]: 'inference.predict',
  [httpRouteId('POST', '/v2/models/:model/infer')]: 'inference.predict',
  [httpRouteId('POST', '/v2/models/:model/versions/:version/infer')]: 'inference.predict',
  // Whoever may ask for predictions may also report their outcomes.
  [httpRouteId('POST', '/v2/models/:model/feedback')]: 'inference.predict',
};
