import { type Action, httpRouteId } from '@flywheel/access';

/** Both prefixes MLflow clients use: the current one and `preview`, which older clients call. */
export const MLFLOW_PREFIXES = ['api/2.0/mlflow', 'api/2.0/preview/mlflow'] as const;

/** Every MLflow model-registry route the registry serves (under each prefix), with its action. */
export const MLFLOW_REGISTRY_ROUTES: readonly { method: string; path: string; action: Action }[] = [
  { method: 'POST', path: 'registered-models/create', action: 'models.register' },
  { method: 'GET', path: 'registered-models/get', action: 'models.read' },
  { method: 'POST', path: 'registered-models/rename', action: 'models.register' },
  { method: 'PATCH', path: 'registered-models/update', action: 'models.register' },
  { method: 'DELETE', path: 'registered-models/delete', action: 'models.delete' },
  { method: 'GET', path: 'registered-models/search', action: 'models.read' },
  { method: 'POST', path: 'registered-models/get-latest-versions', action: 'models.read' },
  { method: 'GET', path: 'registered-models/get-latest-versions', action: 'models.read' },
  { method: 'POST', path: 'registered-models/set-tag', action: 'models.register' },
  { method: 'DELETE', path: 'registered-models/delete-tag', action: 'models.register' },
  { method: 'POST', path: 'registered-models/alias', action: 'aliases.write' },
  { method: 'DELETE', path: 'registered-models/alias', action: 'aliases.write' },
  { method: 'GET', path: 'registered-models/alias', action: 'models.read' },
  { method: 'POST', path: 'model-versions/create', action: 'models.register' },
  { method: 'GET', path: 'model-versions/get', action: 'models.read' },
  { method: 'PATCH', path: 'model-versions/update', action: 'models.register' },
  { method: 'DELETE', path: 'model-versions/delete', action: 'models.delete' },
  { method: 'GET', path: 'model-versions/search', action: 'models.read' },
  { method: 'POST', path: 'model-versions/transition-stage', action: 'stages.transition' },
  { method: 'GET', path: 'model-versions/get-download-uri', action: 'models.read' },
  { method: 'POST', path: 'model-versions/set-tag', action: 'models.register' },
  { method: 'DELETE', path: 'model-versions/delete-tag', action: 'models.register' },
];

/** Route-policy entries for every MLflow route under every prefix. */
export function mlflowRouteTable(): Record<string, Action> {
  const table: Record<string, Action> = {};
  for (const prefix of MLFLOW_PREFIXES) {
    for (const route of MLFLOW_REGISTRY_ROUTES) table[httpRouteId(route.method, `/${prefix}/${route.path}`)] = route.action;
  }
  return table;
}
