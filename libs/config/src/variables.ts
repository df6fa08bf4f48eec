import { z } from 'zod';

// Reusable schemas for single environment variables. Each takes the raw string (or undefined
// when unset) and yields a typed value, reporting a reason that tells the operator what to set.
// Values are echoed only by schemas that never carry secrets.

export function portVariable(defaultPort: number) {
  return integerVariable({ default: defaultPort, min: 1, max: 65_535, what: 'a TCP port' });
}

export function integerVariable(options: { default: number; min: number; max: number; what: string }) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return options.default;
      const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
      if (!(value >= options.min && value <= options.max)) {
        ctx.addIssue({
          code: 'custom',
          message: `expected ${options.what} (an integer from ${options.min} to ${options.max}), got "${raw}"`,
        });
        return z.NEVER;
      }
      return value;
    });
}

/** A comma-separated list of `host:port` pairs; unset stays undefined. */
export function brokerListVariable() {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return undefined;
      const brokers = raw
        .split(',')
        .map((broker) => broker.trim())
        .filter((broker) => broker !== '');
      const bad = brokers.filter((broker) => !isHostPort(broker));
      if (brokers.length === 0 || bad.length > 0) {
        const which = bad.length > 0 ? `; not host:port: ${bad.map((b) => `"${b}"`).join(', ')}` : '';
        ctx.addIssue({ code: 'custom', message: `expected a comma-separated list of host:port${which}` });
        return z.NEVER;
      }
      return brokers;
    });
}

/**
 * A URL whose scheme is one of `schemes` (without `:`); unset stays undefined. The value is not
 * echoed in the reason because URLs may carry passwords.
 */
export function urlVariable(schemes: readonly string[]) {
  const expected = schemes.map((scheme) => `${scheme}://`).join(' or ');
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return undefined;
      const url = URL.canParse(raw) ? new URL(raw) : undefined;
      if (url === undefined || !schemes.includes(url.protocol.slice(0, -1)) || url.host === '') {
        ctx.addIssue({ code: 'custom', message: `expected a ${expected} URL with a host` });
        return z.NEVER;
      }
      return raw;
    });
}

/** A host name or IP address to bind or connect to. */
export function hostVariable(defaultHost: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return defaultHost;
      if (!/^[A-Za-z0-9.\-:[\]]+$/.test(raw)) {
        ctx.addIssue({ code: 'custom', message: `expected a host name or IP address, got "${raw}"` });
        return z.NEVER;
      }
      return raw.replace(/^\[(.*)\]$/, '$1');
    });
}

export function choiceVariable<const T extends readonly [string, ...string[]]>(
  choices: T,
  defaultChoice: T[number],
) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T[number] => {
      if (raw === undefined) return defaultChoice;
      const choice = choices.find((candidate) => candidate === raw.trim().toLowerCase());
      if (choice === undefined) {
        ctx.addIssue({ code: 'custom', message: `expected one of ${choices.join(', ')}, got "${raw}"` });
        return z.NEVER;
      }
      return choice;
    });
}

function isHostPort(value: string): boolean {
  const match = /^(.+):(\d+)$/.exec(value);
  const port = Number(match?.[2]);
  return match !== null && port >= 1 && port <= 65_535;
}
