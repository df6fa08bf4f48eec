import { AccessInputError } from './errors';
import { type Action, isAction, requiredRole } from './permissions';
import { AUTH_DISABLED_PRINCIPAL, ANONYMOUS_PRINCIPAL, type Principal } from './principal';
import { roleAtLeast } from './roles';

/**
 * What a route needs: an action from `PERMISSION_TABLE`; nothing (`public`, e.g. health); or
 * nothing *here* (`forwarded`): a proxy route whose request goes on, credentials and all, to
 * another Flywheel service that authenticates and authorizes it itself (tracking forwards the
 * registry's MLflow routes). Never mark a route `forwarded` unless that upstream guards it.
 */
export type RouteRequirement = Action | 'public' | 'forwarded';

/** Requirements under which the guard admits a call without looking at its credentials. */
export function isUnguarded(
  requirement: RouteRequirement | undefined,
): requirement is 'public' | 'forwarded' {
  return requirement === 'public' || requirement === 'forwarded';
}

/**
 * A service's complete route table, keyed by route id:
 * `grpc:/flywheel.tracking.v1.TrackingService/CreateRun` or `http:POST /api/2.0/mlflow/runs/create`.
 */
export type RoutePolicyTable = Readonly<Record<string, RouteRequirement>>;

export function grpcRouteId(methodPath: string): string {
  return `grpc:${methodPath}`;
}

/** `pattern` is the route as registered (`/api/2.0/mlflow/runs/get`), not the request URL. */
export function httpRouteId(method: string, pattern: string): string {
  return `http:${method.toUpperCase()} ${pattern}`;
}

export interface AuthorizeInput {
  /** The authenticated caller, or undefined when no valid credential was presented. */
  principal: Principal | undefined;
  routeId: string;
  table: RoutePolicyTable;
  authEnabled: boolean;
}

export type AuthorizeDenial = 'unauthenticated' | 'forbidden' | 'unknown_route';

export type AuthorizeResult =
  { allowed: true; principal: Principal } | { allowed: false; reason: AuthorizeDenial; message: string };

/**
 * The one decision every guard makes. Routes missing from the table are denied even with
 * authentication off, so a forgotten entry fails loudly in every mode instead of only in production.
 */
export function authorize({ principal, routeId, table, authEnabled }: AuthorizeInput): AuthorizeResult {
  const requirement = Object.hasOwn(table, routeId) ? table[routeId] : undefined;
  if (requirement === undefined) {
    return {
      allowed: false,
      reason: 'unknown_route',
      message: `route ${routeId} is not in the access policy table`,
    };
  }
  if (isUnguarded(requirement)) return { allowed: true, principal: principal ?? ANONYMOUS_PRINCIPAL };
  if (!authEnabled) return { allowed: true, principal: principal ?? AUTH_DISABLED_PRINCIPAL };
  if (principal === undefined) {
    return {
      allowed: false,
      reason: 'unauthenticated',
      message: `route ${routeId} requires a valid API key or token`,
    };
  }
  const need = requiredRole(requirement);
  if (!roleAtLeast(principal.role, need)) {
    return {
      allowed: false,
      reason: 'forbidden',
      message: `${requirement} requires role ${need}; ${principal.name} has role ${principal.role}`,
    };
  }
  return { allowed: true, principal };
}

/** Checks a table loaded at run time: every value must be `public`, `forwarded` or a known action. */
export function assertValidRouteTable(
  table: Readonly<Record<string, unknown>>,
  field = 'routes',
): RoutePolicyTable {
  for (const [routeId, requirement] of Object.entries(table)) {
    if (requirement !== 'public' && requirement !== 'forwarded' && !isAction(requirement)) {
      throw new AccessInputError(
        `${field}["${routeId}"]`,
        `expected "public", "forwarded" or a known action, got ${JSON.stringify(requirement)}`,
      );
    }
  }
  return table as RoutePolicyTable;
}

/** Route ids a service serves but its table does not declare; a test asserts this is empty. */
export function routesMissingFromTable(table: RoutePolicyTable, servedRouteIds: Iterable<string>): string[] {
  return [...servedRouteIds].filter((routeId) => !Object.hasOwn(table, routeId));
}
