const UNIT_MS: Readonly<Record<string, number>> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };
const PART = /(\d+)(ms|s|m|h|d)/y;
/** A year: no retry delay or timeout in a pipeline is longer, and it keeps numbers exact. */
export const MAX_DURATION_MS = 365 * UNIT_MS.d!;

/** Parses `30s`, `5m`, `1h30m`, `250ms` into milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  if (text === '') return undefined;
  let total = 0;
  let index = 0;
  let previousUnit = Infinity;
  while (index < text.length) {
    PART.lastIndex = index;
    const match = PART.exec(text);
    if (!match) return undefined;
    const unit = UNIT_MS[match[2]!]!;
    // Units must go from largest to smallest, each once: `1h30m`, not `30m1h`.
    if (unit >= previousUnit) return undefined;
    previousUnit = unit;
    total += Number(match[1]) * unit;
    index = PART.lastIndex;
  }
  return total <= MAX_DURATION_MS ? total : undefined;
}

/** Formats milliseconds the way definitions write them, for messages. */
export function formatDuration(ms: number): string {
  for (const [unit, size] of Object.entries(UNIT_MS)) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
