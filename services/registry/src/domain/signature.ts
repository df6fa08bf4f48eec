import { invalidArgument } from './registry-error';
import type { ColumnSpec, Signature } from './views';

/** MLflow's column types (`mlflow.types.DataType`). */
export const COLUMN_TYPES = ['boolean', 'integer', 'long', 'float', 'double', 'string', 'binary', 'datetime'] as const;
export const MAX_SIGNATURE_COLUMNS = 10_000;

/** Checks a signature: named, typed, unique columns on each side. Undefined stays undefined. */
export function assertSignature(signature: Signature | undefined, field = 'signature'): Signature | undefined {
  if (signature === undefined) return undefined;
  return {
    inputs: assertColumns(signature.inputs, `${field}.inputs`),
    outputs: assertColumns(signature.outputs, `${field}.outputs`),
  };
}

function assertColumns(columns: readonly ColumnSpec[], field: string): ColumnSpec[] {
  if (columns.length > MAX_SIGNATURE_COLUMNS) {
    throw invalidArgument(field, `at most ${MAX_SIGNATURE_COLUMNS} columns, got ${columns.length}`);
  }
  const seen = new Set<string>();
  return columns.map((column, index) => {
    const where = `${field}[${index}]`;
    if (!column.name) throw invalidArgument(`${where}.name`, 'a column name is required');
    if (seen.has(column.name)) throw invalidArgument(`${where}.name`, `duplicate column ${JSON.stringify(column.name)}`);
    seen.add(column.name);
    const type = column.type.toLowerCase();
    if (!(COLUMN_TYPES as readonly string[]).includes(type)) {
      throw invalidArgument(
        `${where}.type`,
        `unknown type ${JSON.stringify(column.type)}; expected one of ${COLUMN_TYPES.join(', ')}`,
      );
    }
    return { name: column.name, type };
  });
}
