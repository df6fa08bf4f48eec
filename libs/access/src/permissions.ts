import { AccessInputError } from './errors';
import { type Role, roleAtLeast } from './roles';

/**
 * The single declared policy table: every named action and the least role that may perform it.
 * Services map each RPC and REST route to one of these actions (see `RoutePolicyTable`), so
 * changing who may do what is a one-line change here, visible in review.
 */
export const PERMISSION_TABLE = {
  'experiments.read': 'viewer',
  'runs.read': 'viewer',
  'artifacts.read': 'viewer',
  'models.read': 'viewer',
  'deployments.read': 'viewer',
  'pipelines.read': 'viewer',
  'monitoring.read': 'viewer',
  'inference.predict': 'viewer',

  'experiments.write': 'scientist',
  'runs.write': 'scientist',
  'artifacts.write': 'scientist',
  'models.register': 'scientist',
  'pipelines.trigger': 'scientist',

  'aliases.write': 'deployer',
  'stages.transition': 'deployer',
  'approvals.grant': 'deployer',
  'rollouts.write': 'deployer',
  'rollbacks.request': 'deployer',

  'models.delete': 'admin',
  'keys.manage': 'admin',
  'pipelines.define': 'admin',
  'policies.manage': 'admin',
  // The audit log names principals and carries change payloads, so it is not viewer data.
  'audit.read': 'admin',
} as const satisfies Record<string, Role>;

export type Action = keyof typeof PERMISSION_TABLE;

export const ACTIONS = Object.keys(PERMISSION_TABLE) as readonly Action[];

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.hasOwn(PERMISSION_TABLE, value);
}

export function requiredRole(action: Action): Role {
  return PERMISSION_TABLE[action];
}

export function roleMayPerform(role: Role, action: Action): boolean {
  return roleAtLeast(role, requiredRole(action));
}

/**
 * True for actions that change state: everything but `*.read` and `inference.predict`. Rate
 * limits per caller apply to these; reads and predictions are left to capacity planning.
 */
export function isMutatingAction(action: Action): boolean {
  return !action.endsWith('.read') && action !== 'inference.predict';
}

/** Parses an action name from configuration; `field` names where it came from. */
export function parseAction(value: string, field = 'action'): Action {
  if (isAction(value)) return value;
  throw new AccessInputError(field, `unknown action "${value}"; expected one of ${ACTIONS.join(', ')}`);
}
