import { RegistryError } from './registry-error';

/**
 * The RegistryError behind a failure, if any. A unique violation that slipped past a check (a
 * rename racing a create of the same name) is an `already_exists` too.
 */
export function registryErrorOf(error: unknown): RegistryError | undefined {
  if (error instanceof RegistryError) return error;
  const pg = error as { code?: unknown; detail?: unknown } | undefined;
  if (pg?.code === '23505') {
    return new RegistryError('already_exists', `already exists${typeof pg.detail === 'string' ? `: ${pg.detail}` : ''}`);
  }
  return undefined;
}
