import type { RowBinaryFormat, RowBinaryWriter } from '@flywheel/clickhouse';
import { WireReader } from '@flywheel/contracts';
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

/**
 * A map as RowBinary (its entry count, then key and value of each) from the entries scanWireLog
 * vouched for: each a key (tag 10), then the value or nothing. A double's eight little-endian
 * bytes are RowBinary's Float64 as they are.
 */
function copyEntries(buf: Uint8Array, run: EntryRun, out: RowBinaryWriter, stringValue: boolean): void {
  out.varUInt(run.count);
  const reader = new WireReader(buf);
  reader.pos = run.start;
  for (let i = 0; i < run.count; i++) {
    reader.uint32(); // the map field's tag
    const entryEnd = reader.delimitedEnd();
    reader.pos++; // the key's one-byte tag
    const keyEnd = reader.delimitedEnd();
    out.utf8Bytes(buf, reader.pos, keyEnd);
    reader.pos = keyEnd;
    if (reader.pos === entryEnd) {
      if (stringValue) out.varUInt(0);
      else out.float64(0);
    } else if (stringValue) {
      reader.pos++; // the value's one-byte tag
      const valueEnd = reader.delimitedEnd();
      out.utf8Bytes(buf, reader.pos, valueEnd);
    } else {
      out.raw(buf, reader.pos + 1, reader.pos + 9);
    }
    reader.pos = entryEnd;
  }
}
