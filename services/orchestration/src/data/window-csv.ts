import type { LabelledRow } from './window-reader';

/** Quotes a CSV field when it needs it (RFC 4180). */
const field = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * Labelled rows as CSV: `request_id,label,<feature…>` with the features sorted by name; a
 * feature a row lacks is empty (missing, for the reader to decide).
 */
export function windowCsv(rows: readonly LabelledRow[]): string {
  const features = [...new Set(rows.flatMap((row) => Object.keys(row.numeric_features)))].sort();
  const lines = [['request_id', 'label', ...features].map(field).join(',')];
  for (const row of rows)
    lines.push(
      [
        field(row.request_id),
        String(row.value),
        ...features.map((name) => (name in row.numeric_features ? String(row.numeric_features[name]) : '')),
      ].join(','),
    );
  return `${lines.join('\n')}\n`;
}
