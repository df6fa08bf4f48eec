import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseError } from '@clickhouse/client';
import type { ChdbExtension } from 'chdb/connection';

export interface RowBinaryInsert {
  table: string;
  columns: readonly string[];
  /** `name Type, ...` of `columns`, in order. */
  structure: string;
  body: Uint8Array;
  settings: Record<string, string>;
}

// chDB takes inline insert data only in text formats (its inline data ends at the first blank
// line, which binary data may hold), but reads any format from a file: the block goes through
// a file of its own, removed once the insert returns.
const spoolDir = join(tmpdir(), `flywheel-chdb-spool-${process.pid}`);
let spooled = 0;

/**
 * Inserts a RowBinary block into chDB (`session`, see chdbSessionOf) through a spool file.
 * Settings (e.g. `insert_deduplication_token`) apply as on any insert.
 */
export async function chdbRowBinaryInsert(session: ChdbExtension, insert: RowBinaryInsert): Promise<void> {
  const file = join(spoolDir, `${++spooled}.rowbinary`);
  const settings = Object.entries(insert.settings).map(([name, value]) => `${name} = ${quote(value)}`);
  const sql =
    `INSERT INTO ${insert.table} (${insert.columns.join(', ')})` +
    (settings.length > 0 ? ` SETTINGS ${settings.join(', ')}` : '') +
    ` SELECT * FROM file(${quote(file)}, 'RowBinary', ${quote(insert.structure)})`;
  try {
    await spool(file, insert.body);
    await session.queryAsync(sql);
  } catch (error) {
    const mapped = parseError(error instanceof Error ? error.message : String(error));
    if (mapped !== error) mapped.cause = error;
    throw mapped;
  } finally {
    await rm(file, { force: true });
  }
}

/** Writes the block, making the spool directory on first use (and again if a temp cleaner removed it). */
async function spool(file: string, body: Uint8Array): Promise<void> {
  try {
    await writeFile(file, body);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(spoolDir, { recursive: true });
    await writeFile(file, body);
  }
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
