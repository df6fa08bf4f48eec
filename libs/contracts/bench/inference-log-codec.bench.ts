// InferenceLog binary encode and decode: the generated code (ts-proto) against the hand-written
// codec the inference-logs topic uses (`inference-log-binary.ts`), side by side in one process on
// a log of realistic shape (20 numeric + 5 categorical features, prediction, uuid request id).
// BENCH_ROUNDS (default 5) rounds of BENCH_ITERATIONS (default 100000) calls each; per round a
// line on stderr, then the medians on stdout:
//   generated_encode_ns=<n> hand_encode_ns=<n> generated_decode_ns=<n> hand_decode_ns=<n>
import { InferenceLog } from '../src/gen/flywheel/inference/v1/inference_log';
import { decodeInferenceLog, encodeInferenceLog } from '../src/inference-log-binary';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const ITERATIONS = Number(process.env['BENCH_ITERATIONS'] ?? 100_000);

const log = InferenceLog.fromPartial({
  requestId: '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b',
  modelName: 'churn_model',
  modelVersion: 3,
  variant: 1,
  timestampMs: Date.now(),
  numericFeatures: Object.fromEntries(
    Array.from({ length: 20 }, (_, i) => [`num_feature_${i}`, Math.random() * 100]),
  ),
  categoricalFeatures: Object.fromEntries(
    Array.from({ length: 5 }, (_, i) => [`cat_feature_${i}`, `value_${i % 3}`]),
  ),
  prediction: { score: 0.73, label: 'churn', rawOutputs: {} },
  latencyMs: 1.7,
  status: 1,
});
const bytes = Buffer.from(InferenceLog.encode(log).finish());
if (!Buffer.from(encodeInferenceLog(log)).equals(bytes)) throw new Error('the codecs disagree on the bytes');

function nsPerCall(call: () => unknown): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) call();
  return Number(process.hrtime.bigint() - started) / ITERATIONS;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const results = {
  generated_encode_ns: [] as number[],
  hand_encode_ns: [] as number[],
  generated_decode_ns: [] as number[],
  hand_decode_ns: [] as number[],
};
process.stderr.write(`[codec-bench] ${bytes.length}-byte log, ${ROUNDS} rounds of ${ITERATIONS} calls\n`);
for (let round = 1; round <= ROUNDS; round++) {
  results.generated_encode_ns.push(nsPerCall(() => InferenceLog.encode(log).finish()));
  results.hand_encode_ns.push(nsPerCall(() => encodeInferenceLog(log)));
  results.generated_decode_ns.push(nsPerCall(() => InferenceLog.decode(bytes)));
  results.hand_decode_ns.push(nsPerCall(() => decodeInferenceLog(bytes)));
  const line = Object.entries(results).map(([name, values]) => `${name}=${Math.round(values.at(-1)!)}`);
  process.stderr.write(`[codec-bench] round ${round}: ${line.join(' ')}\n`);
}
process.stdout.write(
  `${Object.entries(results)
    .map(([name, values]) => `${name}=${Math.round(median(values))}`)
    .join(' ')}\n`,
);
