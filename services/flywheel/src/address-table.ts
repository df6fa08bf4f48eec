import type { ServedAddress } from '@flywheel/service-kit';

/** The start-up table of every listener, one row each, aligned in columns. */
export function formatAddressTable(addresses: readonly ServedAddress[]): string {
  const rows = [
    ['SERVICE', 'PROTOCOL', 'ADDRESS', 'SERVES'],
    ...addresses.map((a) => [a.owner, a.protocol, a.address, a.serves ?? '']),
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `  ${line}`)
    .join('\n');
}
