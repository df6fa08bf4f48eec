import { isUtf8 } from 'node:buffer';
import { WireReader } from '@flywheel/contracts';
import type { VariantName } from '../rows/inference-log-row';
import { MAX_TIMESTAMP_MS } from '../validation/event-checks';
import { SeenKeys, fnv1a } from './seen-keys';

/**
 * A binary inference log that passed every check of `checkInferenceLog` except the feature
 * schema's, kept as its bytes: its scalars are read out, its three maps stay where they are in
 * the message (`bytes[start, end)`, `count` entries each) and are copied to RowBinary as bytes.
 * Ingestion never builds the per-log object, the feature dictionaries or their strings, which
 * were most of its CPU and garbage. Only plain encodings qualify (see scanWireLog); any other
 * log takes the decoded path, which stays the definition of what is stored.
 */
export class WireLog {
  requestId = '';
  modelName = '';
  modelVersion = 0;
  variant: VariantName = 'unspecified';
  timestampMs = 0;
  latencyMs = 0;
  status: 'ok' | 'error' = 'ok';
  error = '';
  score = 0;
  label = '';
  readonly numeric = new EntryRun();
  readonly categorical = new EntryRun();
  readonly rawOutputs = new EntryRun();

  constructor(readonly bytes: Uint8Array) {}
}

/** Where one map's entries lie in the message: one contiguous run of its field. */
export class EntryRun {
  start = 0;
  end = 0;
  count = 0;
}

const VARIANTS: readonly VariantName[] = ['unspecified', 'champion', 'canary', 'shadow'];

// Tags (field << 3 | wire type) of InferenceLog, Prediction and map entries.
const REQUEST_ID = 10;
const MODEL_NAME = 18;
const MODEL_VERSION = 24;
const VARIANT = 32;
const TIMESTAMP = 40;
const NUMERIC = 50;
const CATEGORICAL = 58;
const PREDICTION = 66;
const LATENCY = 73;
const STATUS = 80;
const ERROR = 90;
const SCORE = 9;
const LABEL = 18;
const RAW_OUTPUTS = 26;
const ENTRY_KEY = 10;
const ENTRY_DOUBLE = 17;
const ENTRY_STRING = 18;

/**
 * The log in `bytes` as a WireLog, or undefined when it must take the decoded path: it is
 * invalid (the decoded path names the reason), or not plainly encoded. Plain means what every
 * protobuf encoder writes: fields in number order, each once (map entries in one run), no
 * unknown fields, entries as key then value; map keys unique, not array indices (an object
 * would reorder them), not `__proto__`, and like string values valid UTF-8 without a BOM, so
 * copying their bytes stores what decoding them would.
 * @throws Error (or RangeError) for bytes past the end; the decoded path then throws its own.
 */
export function scanWireLog(bytes: Uint8Array): WireLog | undefined {
  const reader = new WireReader(bytes);
  const log = new WireLog(bytes);
  let variant = 0;
  let status = 0;
  let lastField = 0;
  const end = reader.len;
  while (reader.pos < end) {
    const at = reader.pos;
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field < lastField || (field === lastField && tag !== NUMERIC && tag !== CATEGORICAL))
      return undefined;
    const firstOfField = field !== lastField;
    lastField = field;
    switch (tag) {
      case REQUEST_ID:
        log.requestId = reader.string();
        continue;
      case MODEL_NAME:
        // Names and labels repeat from log to log: the reader's key cache spares building them.
        log.modelName = reader.key();
        continue;
      case MODEL_VERSION:
        log.modelVersion = reader.int32();
        continue;
      case VARIANT:
        variant = reader.int32();
        continue;
      case TIMESTAMP:
        log.timestampMs = reader.int64();
        continue;
      case NUMERIC:
        if (!scanEntry(reader, log.numeric, at, firstOfField, end, false)) return undefined;
        continue;
      case CATEGORICAL:
        if (!scanEntry(reader, log.categorical, at, firstOfField, end, true)) return undefined;
        continue;
      case PREDICTION:
        if (!scanPrediction(reader, log)) return undefined;
        continue;
      case LATENCY:
        log.latencyMs = reader.double();
        continue;
      case STATUS:
        status = reader.int32();
        continue;
      case ERROR:
        log.error = reader.string();
        continue;
    }
    return undefined;
  }
  return validScalars(log, variant, status) ? log : undefined;
}

function scanPrediction(reader: WireReader, log: WireLog): boolean {
  const end = reader.delimitedEnd();
  if (end > reader.len) return false;
  let lastField = 0;
  while (reader.pos < end) {
    const at = reader.pos;
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field < lastField || (field === lastField && tag !== RAW_OUTPUTS)) return false;
    const firstOfField = field !== lastField;
    lastField = field;
    switch (tag) {
      case SCORE:
        log.score = reader.double();
        if (!Number.isFinite(log.score)) return false;
        continue;
      case LABEL:
        log.label = reader.key();
        continue;
      case RAW_OUTPUTS:
        if (!scanEntry(reader, log.rawOutputs, at, firstOfField, end, false)) return false;
        continue;
    }
    return false;
  }
  return reader.pos === end;
}

/**
 * One map entry (`at` is where its tag starts): a key, then a finite double or a string value,
 * either omitted when it is the default. Extends `run` with it; false when it is not plain.
 */
function scanEntry(
  reader: WireReader,
  run: EntryRun,
  at: number,
  first: boolean,
  limit: number,
  stringValue: boolean,
): boolean {
  const end = reader.delimitedEnd();
  if (end > limit) return false;
  if (first) {
    run.start = at;
    keys.next(reader.buf);
  }
  const buf = reader.buf;
  if (reader.pos >= end || buf[reader.pos] !== ENTRY_KEY) return false;
  reader.pos++;
  const keyEnd = reader.delimitedEnd();
  const keyStart = reader.pos;
  if (keyEnd > end || !plainKey(buf, keyStart, keyEnd)) return false;
  reader.pos = keyEnd;
  if (reader.pos < end) {
    if (stringValue) {
      if (buf[reader.pos] !== ENTRY_STRING) return false;
      reader.pos++;
      const valueEnd = reader.delimitedEnd();
      if (valueEnd > end || !storableText(buf, reader.pos, valueEnd)) return false;
      reader.pos = valueEnd;
    } else {
      if (buf[reader.pos] !== ENTRY_DOUBLE) return false;
      const value = reader.pos + 1;
      reader.pos = value + 8;
      // NaN and the infinities are the doubles whose 11 exponent bits are all set.
      if (reader.pos > end || ((buf[value + 7]! & 0x7f) === 0x7f && (buf[value + 6]! & 0xf0) === 0xf0))
        return false;
    }
  }
  if (reader.pos !== end) return false;
  run.end = end;
  run.count++;
  return true;
}

/** `checkInferenceLog`'s checks of the log's own scalar fields, all passing. */
function validScalars(log: WireLog, variant: number, status: number): boolean {
  const variantName = VARIANTS[variant];
  if (variantName === undefined || status < 0 || status > 2) return false;
  log.variant = variantName;
  log.status = status === 2 || (status === 0 && log.error !== '') ? 'error' : 'ok';
  return (
    log.requestId.trim() !== '' &&
    log.modelName.trim() !== '' &&
    log.modelVersion >= 0 &&
    Number.isSafeInteger(log.timestampMs) &&
    log.timestampMs > 0 &&
    log.timestampMs < MAX_TIMESTAMP_MS &&
    Number.isFinite(log.latencyMs) &&
    log.latencyMs >= 0
  );
}

/** Text whose bytes are what decoding and encoding it again would give: ASCII, or UTF-8 without a BOM. */
function storableText(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (buf[i]! > 0x7f)
      return (
        !(buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) &&
        isUtf8(buf.subarray(start, end))
      );
  }
  return true;
}

/**
 * A key stored as its bytes: not empty, storable text, not all digits (possibly an array index,
 * which an object moves to the front of its keys), not `__proto__`, and new in its map. One pass
 * over the bytes for the common ASCII key.
 */
function plainKey(buf: Uint8Array, start: number, end: number): boolean {
  if (end === start) return false;
  let hash = 0x811c9dc5;
  let digits = true;
  let ascii = true;
  for (let i = start; i < end; i++) {
    const byte = buf[i]!;
    if (byte < 0x30 || byte > 0x39) digits = false;
    if (byte > 0x7f) ascii = false;
    hash = Math.imul(hash ^ byte, 0x01000193);
  }
  hash >>>= 0;
  if (digits || (!ascii && !storableText(buf, start, end))) return false;
  // A key of the same length and hash as `__proto__` falls back too: rare, and still correct.
  if (end - start === PROTO.length && hash === PROTO_HASH) return false;
  return keys.add(start, end, hash);
}

// `__proto__` would set an object's prototype rather than add a key.
const PROTO = Buffer.from('__proto__');
const PROTO_HASH = fnv1a(PROTO, 0, PROTO.length);

const keys = new SeenKeys();
