import { type RoutePolicyTable, type RouteRequirement, grpcRouteId, httpRouteId } from '@flywheel/access';
import { FORWARDED_PATHS } from './registry-forward/registry-forward.controller';

const GRPC = '/flywheel.tracking.v1.TrackingService';
const MLFLOW = '/api/2.0/mlflow';
const ARTIFACTS = '/api/2.0/mlflow-artifacts/artifacts';

const grpc: Record<string, RouteRequirement> = {
  CreateExperiment: 'experiments.write',
  GetExperiment: 'experiments.read',
  SearchExperiments: 'experiments.read',
  CreateRun: 'runs.write',
  GetRun: 'runs.read',
  UpdateRun: 'runs.write',
  DeleteRun: 'runs.write',
  RestoreRun: 'runs.write',
  SearchRuns: 'runs.read',
  LogBatch: 'runs.write',
  GetMetricHistory: 'runs.read',
  ListArtifacts: 'artifacts.read',
  UploadArtifact: 'artifacts.write',
  DownloadArtifact: 'artifacts.read',
};

/** `[method, path, requirement]` of every MLflow REST route the tracking service serves itself. */
const http: [string, string, RouteRequirement][] = [
  ['POST', `${MLFLOW}/experiments/create`, 'experiments.write'],
  ['GET', `${MLFLOW}/experiments/get`, 'experiments.read'],
  ['GET', `${MLFLOW}/experiments/get-by-name`, 'experiments.read'],
  ['POST', `${MLFLOW}/experiments/search`, 'experiments.read'],
  ['GET', `${MLFLOW}/experiments/search`, 'experiments.read'],
  ['POST', `${MLFLOW}/experiments/delete`, 'experiments.write'],
  ['POST', `${MLFLOW}/experiments/restore`, 'experiments.write'],
  ['POST', `${MLFLOW}/experiments/update`, 'experiments.write'],
  ['POST', `${MLFLOW}/experiments/set-experiment-tag`, 'experiments.write'],
  ['POST', `${MLFLOW}/experiments/delete-experiment-tag`, 'experiments.write'],
  ['POST', `${MLFLOW}/runs/create`, 'runs.write'],
  ['GET', `${MLFLOW}/runs/get`, 'runs.read'],
  ['POST', `${MLFLOW}/runs/update`, 'runs.write'],
  ['POST', `${MLFLOW}/runs/delete`, 'runs.write'],
  ['POST', `${MLFLOW}/runs/restore`, 'runs.write'],
  ['POST', `${MLFLOW}/runs/search`, 'runs.read'],
  ['POST', `${MLFLOW}/runs/log-metric`, 'runs.write'],
  ['POST', `${MLFLOW}/runs/log-parameter`, 'runs.write'],
  ['POST', `${MLFLOW}/runs/set-tag`, 'runs.write'],
  ['POST', `${MLFLOW}/runs/delete-tag`, 'runs.write'],
  ['POST', `${MLFLOW}/runs/log-batch`, 'runs.write'],
  ['POST', `${MLFLOW}/runs/log-inputs`, 'runs.write'],
  ['POST', `${MLFLOW}/runs/log-model`, 'runs.write'],
  ['POST', `${MLFLOW}/runs/outputs`, 'runs.write'],
  ['GET', `${MLFLOW}/metrics/get-history`, 'runs.read'],
  ['GET', `${MLFLOW}/metrics/get-history-bulk-interval`, 'runs.read'],
  ['GET', `${MLFLOW}/artifacts/list`, 'artifacts.read'],
  ['POST', `${MLFLOW}/logged-models`, 'runs.write'],
  ['POST', `${MLFLOW}/logged-models/search`, 'runs.read'],
  ['GET', `${MLFLOW}/logged-models/:model_id`, 'runs.read'],
  ['PATCH', `${MLFLOW}/logged-models/:model_id`, 'runs.write'],
  ['DELETE', `${MLFLOW}/logged-models/:model_id`, 'runs.write'],
  ['PATCH', `${MLFLOW}/logged-models/:model_id/tags`, 'runs.write'],
  ['DELETE', `${MLFLOW}/logged-models/:model_id/tags/*`, 'runs.write'],
  ['POST', `${MLFLOW}/logged-models/:model_id/params`, 'runs.write'],
  ['GET', ARTIFACTS, 'artifacts.read'],
  ['GET', `${ARTIFACTS}/*`, 'artifacts.read'],
  ['PUT', `${ARTIFACTS}/*`, 'artifacts.write'],
  ['DELETE', `${ARTIFACTS}/*`, 'artifacts.write'],
];

/** The model-registry routes, relayed to the registry, which authorizes them itself. */
const forwarded: [string, string, RouteRequirement][] = FORWARDED_PATHS.flatMap((path) =>
  ['GET', 'POST', 'PATCH', 'DELETE'].map((method): [string, string, RouteRequirement] => [
    method,
    `/${path}`,
    'forwarded',
  ]),
);

/** Who may call what on the tracking service: every gRPC method and HTTP route it serves. */
export const TRACKING_ROUTES: RoutePolicyTable = Object.freeze({
  ...Object.fromEntries(
    Object.entries(grpc).map(([method, need]) => [grpcRouteId(`${GRPC}/${method}`), need]),
  ),
  ...Object.fromEntries(
    [...http, ...forwarded].map(([method, path, need]) => [httpRouteId(method, path), need]),
  ),
});
