/**
 * Splits a migration file into statements at `;` outside string literals, quoted
 * identifiers and comments (the ClickHouse HTTP interface runs one statement per request).
 * Handles `'...'`, `"..."` and `` `...` `` with backslash escapes and doubled quotes, `--`
 * line comments and block comments. Comment-only pieces are dropped.
 */
export function splitSqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let hasCode = false;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    const next = sql[i + 1];
    if (ch === '-' && next === '-') {
      const newline = sql.indexOf('\n', i);
      i = newline === -1 ? sql.length : newline + 1;
    } else if (ch === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end === -1) throw new Error(`unterminated /* comment starting on line ${lineOf(sql, i)}`);
      i = end + 2;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      i = endOfQuoted(sql, i, ch);
      hasCode = true;
    } else if (ch === ';') {
      if (hasCode) statements.push(sql.slice(start, i).trim());
      start = i + 1;
      hasCode = false;
      i += 1;
    } else {
      if (!/\s/.test(ch ?? '')) hasCode = true;
      i += 1;
    }
  }
  if (hasCode) statements.push(sql.slice(start).trim());
  return statements;
}

/** Index just past the closing quote of the literal opening at `open`. */
function endOfQuoted(sql: string, open: number, quote: string): number {
  let i = open + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === '\\') {
      i += 2;
    } else if (ch === quote) {
      if (sql[i + 1] !== quote) return i + 1;
      i += 2;
    } else {
      i += 1;
    }
  }
  throw new Error(`unterminated ${quote} quote starting on line ${lineOf(sql, open)}`);
}

function lineOf(sql: string, index: number): number {
  return sql.slice(0, index).split('\n').length;
}
