/** What a dashboard query is rendered with: Grafana's time range and the dashboard's variables. */
export interface GrafanaQueryContext {
  fromMs: number;
  toMs: number;
  intervalSeconds: number;
  variables: Readonly<Record<string, string>>;
}

/**
 * Expands the macros and variables the dashboards use the way grafana-clickhouse-datasource
 * does: `$__timeFilter(col)` → `col >= from AND col <= to` (millisecond DateTime64 bounds),
 * `$__timeInterval(col)` → `toStartOfInterval(toDateTime(col), INTERVAL n second)`, `${name}` →
 * the variable's value as text. Anything left starting with `$` is an unsupported macro: throws.
 */
export function renderGrafanaSql(sql: string, context: GrafanaQueryContext): string {
  const from = `fromUnixTimestamp64Milli(toInt64(${context.fromMs}))`;
  const to = `fromUnixTimestamp64Milli(toInt64(${context.toMs}))`;
  const rendered = sql
    .replace(
      /\$__timeFilter\(([^)]+)\)/g,
      (_, column: string) => `(${column} >= ${from} AND ${column} <= ${to})`,
    )
    .replace(
      /\$__timeInterval\(([^)]+)\)/g,
      (_, column: string) =>
        `toStartOfInterval(toDateTime(${column}), INTERVAL ${context.intervalSeconds} second)`,
    )
    .replace(/\$\{(\w+)\}/g, (match, name: string) => {
      const value = context.variables[name];
      if (value === undefined) throw new Error(`dashboard variable ${match} has no value`);
      return value;
    });
  const leftover = /\$\w+/.exec(rendered);
  if (leftover) throw new Error(`unsupported Grafana macro ${leftover[0]} in: ${sql}`);
  return rendered;
}
