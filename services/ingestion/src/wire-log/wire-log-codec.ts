import { type InferenceLog, type MessageCodec, Topic, codecForTopic } from '@flywheel/contracts';
import { scanWireLog, WireLog } from './wire-log';

/** An inference log as ingestion consumes it: still its bytes when it could be, else decoded. */
export type IngestedLog = InferenceLog | WireLog;

const decoded = codecForTopic(Topic.InferenceLogs);

/**
 * The inference-log codec for a consumer that stores RowBinary: a plain, valid binary log stays
 * a WireLog; anything else (JSON, other encodings, invalid logs) is decoded as before, so its
 * errors and DLQ reasons are unchanged.
 */
export const ingestedLogCodec: MessageCodec<IngestedLog> = Object.freeze({
  typeName: decoded.typeName,
  encode: (message: IngestedLog) => (message instanceof WireLog ? message.bytes : decoded.encode(message)),
  decode(bytes: Uint8Array): IngestedLog {
    try {
      const wire = bytes instanceof Uint8Array ? scanWireLog(bytes) : undefined;
      if (wire) return wire;
    } catch {
      // Truncated or overflowing: the decoder below throws the error to report.
    }
    return decoded.decode(bytes);
  },
  fromJSON: (json: unknown) => decoded.fromJSON(json),
  toJSON: (message: IngestedLog) =>
    decoded.toJSON(message instanceof WireLog ? decoded.decode(message.bytes) : message),
});
