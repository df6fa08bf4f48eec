import { SERVICE_NAMES, isServiceName, type ServiceName } from '@flywheel/config';
import { UsageError } from './usage-error';

/** `all` runs the six services in one process: the standalone shape. */
export const ALL_TARGET = 'all';

export const VALID_TARGETS: readonly string[] = [ALL_TARGET, ...SERVICE_NAMES];

/**
 * Resolves `--target` (`all` or a comma-separated list of services) to services in the
 * canonical order, without duplicates.
 * @throws UsageError naming each unknown target and listing the valid ones.
 */
export function resolveTargets(spec: string): ServiceName[] {
  const requested = spec.split(',').map((target) => target.trim());
  if (requested.some((target) => target === '')) {
    throw new UsageError(
      `--target has an empty entry in "${spec}"; valid targets: ${VALID_TARGETS.join(', ')}`,
    );
  }
  const unknown = requested.filter((target) => target !== ALL_TARGET && !isServiceName(target));
  if (unknown.length > 0) {
    const which = unknown.map((target) => `"${target}"`).join(', ');
    throw new UsageError(`unknown target ${which}; valid targets: ${VALID_TARGETS.join(', ')}`);
  }
  if (requested.includes(ALL_TARGET)) return [...SERVICE_NAMES];
  return SERVICE_NAMES.filter((service) => requested.includes(service));
}

/** True when every service runs in this process (the standalone shape). */
export function isStandalone(targets: readonly ServiceName[]): boolean {
  return SERVICE_NAMES.every((service) => targets.includes(service));
}
