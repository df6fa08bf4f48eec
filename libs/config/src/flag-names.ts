const PREFIX = 'FLYWHEEL_';

/** `admin-port` -> `FLYWHEEL_ADMIN_PORT`: every configuration flag names one variable. */
export function flagToVariable(flag: string): string {
  return PREFIX + flag.replace(/^--/, '').toUpperCase().replace(/-/g, '_');
}

/** `FLYWHEEL_ADMIN_PORT` -> `admin-port` (the inverse of flagToVariable). */
export function variableToFlag(variable: string): string {
  if (!variable.startsWith(PREFIX)) {
    throw new Error(`variableToFlag: ${variable} does not start with ${PREFIX}`);
  }
  return variable.slice(PREFIX.length).toLowerCase().replace(/_/g, '-');
}
