import { type InferenceLog, encodeInferenceLog } from '@flywheel/contracts';
import { sampleLog } from '../test/sample-logs';

const EMPTY: InferenceLog = {
  requestId: '',
  modelName: '',
  modelVersion: 0,
  variant: 0,
  timestampMs: 0,
  numericFeatures: {},
  categoricalFeatures: {},
  latencyMs: 0,
  status: 0,
  error: '',
};

/**
 * Sample logs (see sampleLog) already encoded, for a producer that must not spend the CPU the
 * consumer under test needs: `size` logs are encoded once in two pieces, the fields before the
 * timestamp and those after; a record joins its request id, the first piece, its send time and
 * the second piece. Protobuf encodes each field on its own, in field order, so the joined bytes
 * are exactly what encoding the whole log writes (the constructor checks a few).
 */
export class EncodedSampleLogs {
  private readonly heads: Buffer[] = [];
  private readonly tails: Buffer[] = [];

  constructor(
    private readonly runId: string,
    private readonly size = 10_000,
  ) {
    for (let i = 0; i < size; i++) {
      const { modelName, modelVersion, variant, ...rest } = sampleLog(i, runId);
      this.heads.push(encodeInferenceLog({ ...EMPTY, modelName, modelVersion, variant }));
      this.tails.push(
        encodeInferenceLog({
          ...rest,
          requestId: '',
          timestampMs: 0,
          modelName: '',
          modelVersion: 0,
          variant: 0,
        }),
      );
    }
    for (const i of [0, 1, 7, size - 1, size + 3]) {
      const expected = encodeInferenceLog(
        sampleLog(i % size, runId, { requestId: `${runId}-${i}`, timestampMs: 1_795_000_000_123 }),
      );
      if (!Buffer.concat(this.pieces(i, 1_795_000_000_123)).equals(expected))
        throw new Error(`encoded sample log ${i} differs from encoding it whole`);
    }
  }

  /** Log `i` (the sample `i % size`, with request id `<runId>-<i>`) sent at `timestampMs`, in pieces to write in order. */
  pieces(i: number, timestampMs: number): Buffer[] {
    const sample = i % this.size;
    return [
      encodeInferenceLog({ ...EMPTY, requestId: `${this.runId}-${i}` }),
      this.heads[sample]!,
      encodeInferenceLog({ ...EMPTY, timestampMs }),
      this.tails[sample]!,
    ];
  }
}
