import { InferenceLog, decodeInferenceLog, encodeInferenceLog } from '@flywheel/contracts';
import { sampleLog } from '../test/sample-logs';
import { continuousFeatures } from './continuous-features';

/**
 * Sample logs (sampleLog with continuousFeatures) already encoded, for a producer that must not
 * spend the CPU the consumer under test needs: logs are encoded once in two pieces, the fields
 * before the timestamp and those after; a record joins its request id, the first piece, its send
 * time and the second piece. Protobuf encodes each field on its own, in field order, so the joined bytes
 * are exactly what encoding the whole log writes (the constructor checks a few). No record holds
 * `excludedByte` (a framing delimiter): samples holding it are left out, and a send time whose
 * encoding holds it moves on by a millisecond.
 */
export class EncodedSampleLogs {
  private readonly samples: number[] = [];
  private readonly heads: Buffer[] = [];
  private readonly tails: Buffer[] = [];

  constructor(
    private readonly runId: string,
    private readonly excludedByte: number,
    candidates = 10_000,
  ) {
    for (let i = 0; i < candidates; i++) {
      const { modelName, modelVersion, variant, ...rest } = sampleLog(i, runId, {
        numericFeatures: continuousFeatures(i),
      });
      const head = encodeInferenceLog(InferenceLog.fromPartial({ modelName, modelVersion, variant }));
      const tail = encodeInferenceLog({
        ...rest,
        requestId: '',
        timestampMs: 0,
        modelName: '',
        modelVersion: 0,
        variant: 0,
      });
      if (head.includes(excludedByte) || tail.includes(excludedByte)) continue;
      this.samples.push(i);
      this.heads.push(head);
      this.tails.push(tail);
    }
    if (this.samples.length < candidates / 10)
      throw new Error(
        `only ${this.samples.length} of ${candidates} sample logs are free of byte ${excludedByte}`,
      );
    for (const i of [0, 1, 7, this.samples.length + 3]) {
      const pieces = this.pieces(i, 1_795_000_000_123);
      const timestampMs = decodeInferenceLog(Buffer.concat(pieces)).timestampMs;
      const sample = this.samples[i % this.samples.length]!;
      const whole = sampleLog(sample, runId, {
        requestId: `${runId}-${i}`,
        timestampMs,
        numericFeatures: continuousFeatures(sample),
      });
      if (!Buffer.concat(pieces).equals(encodeInferenceLog(whole)))
        throw new Error(`encoded sample log ${i} differs from encoding it whole`);
    }
  }

  /** How many distinct samples records cycle through. */
  get size(): number {
    return this.samples.length;
  }

  /** Log `i` (request id `<runId>-<i>`) sent at about `timestampMs`, in pieces to write in order. */
  pieces(i: number, timestampMs: number): Buffer[] {
    const sample = i % this.samples.length;
    const requestId = encodeInferenceLog(InferenceLog.fromPartial({ requestId: `${this.runId}-${i}` }));
    if (requestId.includes(this.excludedByte))
      throw new Error(`request id ${this.runId}-${i} holds byte ${this.excludedByte}`);
    let time = encodeInferenceLog(InferenceLog.fromPartial({ timestampMs }));
    while (time.includes(this.excludedByte))
      time = encodeInferenceLog(InferenceLog.fromPartial({ timestampMs: ++timestampMs }));
    return [requestId, this.heads[sample]!, time, this.tails[sample]!];
  }
}
