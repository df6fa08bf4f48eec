import { WireReader } from '@flywheel/contracts';
import type { FeatureKind, FeatureSchema } from '../validation/feature-schema';
import type { EntryRun, WireLog } from './wire-log';

/**
 * Whether a WireLog meets its version's feature schema: every input present with its kind, as
 * `checkInferenceLog` judges it. False also when this cannot tell as cheaply (a name in both
 * maps, a schema that repeats a name or names an Object property): the decoded path then decides.
 */
export function meetsSchemaOnWire(log: WireLog, schema: FeatureSchema): boolean {
  const kinds = kindsOf(schema);
  if (kinds === undefined) return false;
  const reader = new WireReader(log.bytes);
  seen.clear();
  return (
    walk(reader, log.numeric, kinds, false) &&
    walk(reader, log.categorical, kinds, true) &&
    seen.size === kinds.size
  );
}

// Schema inputs met so far in the current log, by name (a name met twice means it is in both maps).
const seen = new Set<string>();

function walk(
  reader: WireReader,
  run: EntryRun,
  kinds: ReadonlyMap<string, FeatureKind>,
  categorical: boolean,
): boolean {
  reader.pos = run.start;
  for (let i = 0; i < run.count; i++) {
    reader.uint32(); // the map field's tag
    const entryEnd = reader.delimitedEnd();
    reader.pos++; // the key's tag
    const keyEnd = reader.delimitedEnd();
    const key = reader.keyAt(reader.pos, keyEnd);
    reader.pos = keyEnd;
    const kind = kinds.get(key);
    if (kind !== undefined) {
      if (seen.has(key)) return false;
      seen.add(key);
      const hasValue = reader.pos < entryEnd;
      if (hasValue) reader.pos++; // the value's tag
      if (
        !(categorical
          ? categoricalFits(kind, hasValue ? reader.string() : '')
          : numberFits(kind, hasValue ? reader.double() : 0))
      )
        return false;
    }
    reader.pos = entryEnd;
  }
  return true;
}

function numberFits(kind: FeatureKind, value: number): boolean {
  switch (kind) {
    case 'categorical':
      return false;
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return value === 0 || value === 1;
    case 'numeric':
    case 'any':
      return true;
  }
}

function categoricalFits(kind: FeatureKind, value: string): boolean {
  switch (kind) {
    case 'numeric':
    case 'integer':
      return false;
    case 'boolean':
      return value === 'true' || value === 'false';
    case 'categorical':
    case 'any':
      return true;
  }
}

const kindMaps = new WeakMap<FeatureSchema, ReadonlyMap<string, FeatureKind> | undefined>();

/** The schema's inputs by name; undefined when names repeat or one is an Object property (`constructor`). */
function kindsOf(schema: FeatureSchema): ReadonlyMap<string, FeatureKind> | undefined {
  if (kindMaps.has(schema)) return kindMaps.get(schema);
  const kinds = new Map(schema.inputs.map(({ name, kind }) => [name, kind]));
  const plain =
    kinds.size === schema.inputs.length && schema.inputs.every(({ name }) => !(name in Object.prototype));
  const result = plain ? kinds : undefined;
  kindMaps.set(schema, result);
  return result;
}
