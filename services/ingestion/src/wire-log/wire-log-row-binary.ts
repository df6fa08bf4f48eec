import type { RowBinaryFormat, RowBinaryWriter } from '@flywheel/clickhouse';
import { INFERENCE_LOG_ROW_BINARY } from '../rows/inference-log-row-binary';
import type { InferenceLogRow } from '../rows/inference-log-row';
import { type EntryRun, WireLog } from './wire-log';

/** A stored inference log: decoded into its row, or still its bytes (see WireLog). */
export type StoredLog = InferenceLogRow | WireLog;

/** `inference_logs` rows as RowBinary, from either form: the same bytes for the same log. */
export const STORED_LOG_ROW_BINARY: RowBinaryFormat<StoredLog> = {
  structure: INFERENCE_LOG_ROW_BINARY.structure,
  write(row, out) {
    if (row instanceof WireLog) writeWireLog(row, out);
    else INFERENCE_LOG_ROW_BINARY.write(row, out);
  },
};

/** A WireLog's row, in the columns of INFERENCE_LOG_ROW_BINARY, its maps copied from the message. */
export function writeWireLog(log: WireLog, out: RowBinaryWriter): void {
  out
    .string(log.requestId)
    .string(log.modelName)
    .uint32(log.modelVersion)
    .string(log.variant)
    .int64(log.timestampMs);
  copyEntries(log.bytes, log.numeric, out, false);
  copyEntries(log.bytes, log.categorical, out, true);
  out.float64(log.score).string(log.label);
  copyEntries(log.bytes, log.rawOutputs, out, false);
  out.float64(log.latencyMs).string(log.status).string(log.error);
}

// Set by varintAt: where the varint it read ends.
let next = 0;

/** The unsigned varint at `buf[pos]` (a tag or a length, so at most 32 bits). */
function varintAt(buf: Uint8Array, pos: number): number {
  let value = 0;
  let shift = 0;
  let byte: number;
  do {
    byte = buf[pos++]!;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  next = pos;
  return value;
}

/**
 * A map as RowBinary (its entry count, then key and value of each) from the entries scanWireLog
 * vouched for: each a key (tag 10), then the value or nothing. A double's eight little-endian
 * bytes are RowBinary's Float64 as they are.
 */
function copyEntries(buf: Uint8Array, run: EntryRun, out: RowBinaryWriter, stringValue: boolean): void {
  out.varUInt(run.count);
  let pos = run.start;
  for (let i = 0; i < run.count; i++) {
    varintAt(buf, pos); // the map field's tag
    const entryLength = varintAt(buf, next);
    const entryEnd = next + entryLength;
    const keyLength = varintAt(buf, next + 1); // past the key's one-byte tag
    pos = next + keyLength;
    out.utf8Bytes(buf, next, pos);
    if (pos === entryEnd) {
      if (stringValue) out.varUInt(0);
      else out.float64(0);
    } else if (stringValue) {
      const valueLength = varintAt(buf, pos + 1);
      out.utf8Bytes(buf, next, next + valueLength);
    } else {
      out.raw(buf, pos + 1, pos + 9);
    }
    pos = entryEnd;
  }
}
