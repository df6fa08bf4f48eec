import type { ApiKeyView } from '@flywheel/identity';

const COLUMNS = ['ID', 'NAME', 'ROLE', 'CREATED', 'EXPIRES', 'LAST USED', 'REVOKED'] as const;

/** `flywheel keys list` output: one row per key, never a secret or digest. */
export function formatKeysTable(keys: readonly ApiKeyView[]): string {
  if (keys.length === 0) return 'no API keys\n';
  const rows = keys.map((key) => [
    key.id,
    key.name,
    key.role,
    timeOf(key.createdAt),
    timeOf(key.expiresAt),
    timeOf(key.lastUsedAt),
    timeOf(key.revokedAt),
  ]);
  const widths = COLUMNS.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return `${[line(COLUMNS), ...rows.map(line)].join('\n')}\n`;
}

/** UTC to the second, or `-` when unset. */
export function timeOf(date: Date | undefined): string {
  return date === undefined ? '-' : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
