import { AccessInputError } from '../errors';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
// Ten years: longer lifetimes are a typo or a key that should not expire at all.
const MAX_DURATION_MS = 3650 * UNIT_MS.d;

/** Parses `90m`, `12h` or `30d` into milliseconds; `field` names the flag (e.g. `--expires`). */
export function parseDuration(value: string, field = 'duration'): number {
  const match = /^([1-9][0-9]{0,6})([mhd])$/.exec(value);
  if (!match?.[1] || !match[2]) {
    throw new AccessInputError(
      field,
      `expected a positive whole number followed by m, h or d (e.g. 90m, 12h, 30d), got "${value}"`,
    );
  }
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (ms > MAX_DURATION_MS) throw new AccessInputError(field, `"${value}" exceeds the maximum of 3650d`);
  return ms;
}
