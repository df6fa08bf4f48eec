import fc from 'fast-check';
import { stringify } from 'yaml';
import { parsePipeline } from '../src/definition/parse-pipeline';
import type { Pipeline } from '../src/pipeline';
import type { AttemptOutcome } from './simulate-run';

/** A random valid definition, as the YAML-shaped object an author would write. */
export interface RandomDefinition {
  readonly definition: Record<string, unknown>;
  /** Outcomes of each step's first attempts; later attempts succeed. */
  readonly outcomes: ReadonlyMap<string, readonly AttemptOutcome[]>;
  readonly go: boolean;
}

const outcome = fc.record({ durationMs: fc.integer({ min: 0, max: 10_000 }), succeeds: fc.boolean() });
const retry = fc
  .record({
    limit: fc.integer({ min: 0, max: 3 }),
    backoff: fc.integer({ min: 0, max: 5_000 }),
    extra: fc.integer({ min: 0, max: 20_000 }),
    factor: fc.integer({ min: 1, max: 3 }),
    jitter: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ limit, backoff, extra, factor, jitter }) => ({
    limit,
    backoff: `${backoff}ms`,
    factor,
    max_backoff: `${backoff + extra}ms`,
    jitter,
  }));

function stepArbitrary(index: number): fc.Arbitrary<Record<string, unknown>> {
  const earlier = Array.from({ length: index }, (_, i) => `s${i}`);
  return fc.subarray(earlier, { maxLength: Math.min(3, earlier.length) }).chain((dependsOn) =>
    fc.record(
      {
        name: fc.constant(`s${index}`),
        process: fc.constant({
          command: 'run',
          args: dependsOn.map((dependency) => `--in=\${{ steps.${dependency}.outputs.value }}`),
        }),
        depends_on: fc.constant(dependsOn),
        when: fc.constantFrom(
          'params.go',
          'not params.go',
          ...dependsOn.flatMap((d) => [`steps.${d}.outputs.value >= 2`, `steps.${d}.status == 'succeeded'`]),
        ),
        retry,
        timeout: fc.integer({ min: 1, max: 15_000 }).map((ms) => `${ms}ms`),
        cache: fc.boolean(),
        outputs: fc.constant(['value']),
      },
      { requiredKeys: ['name', 'process', 'depends_on', 'outputs'] },
    ),
  );
}

export const randomDefinition: fc.Arbitrary<RandomDefinition> = fc
  .integer({ min: 1, max: 10 })
  .chain((count) =>
    fc
      .record({
        steps: fc.tuple(...Array.from({ length: count }, (_, index) => stepArbitrary(index))),
        exitHandler: fc.option(
          fc.record(
            {
              name: fc.constant('finally'),
              process: fc.constant({ command: 'notify' }),
              when: fc.constantFrom('params.go', 'true'),
              retry,
            },
            { requiredKeys: ['name', 'process'] },
          ),
          { nil: undefined },
        ),
        outcomes: fc.array(fc.array(outcome, { maxLength: 4 }), {
          minLength: count + 1,
          maxLength: count + 1,
        }),
        go: fc.boolean(),
        concurrency: fc.constantFrom('allow', 'forbid', 'replace'),
      })
      .map(({ steps, exitHandler, outcomes, go, concurrency }) => ({
        definition: {
          apiVersion: 'flywheel/v1',
          kind: 'Pipeline',
          name: 'random',
          params: { go: { type: 'boolean', default: go } },
          concurrency,
          steps,
          ...(exitHandler && { on_exit: exitHandler }),
        },
        outcomes: new Map(
          outcomes.map((attempts, index) => [index < count ? `s${index}` : 'finally', attempts]),
        ),
        go,
      })),
  );

/** Serializes a random definition to YAML and parses it back; it must be valid. */
export function parsedPipeline({ definition }: RandomDefinition): Pipeline {
  const result = parsePipeline(stringify(definition));
  if (!result.ok)
    throw new Error(
      `generated definition rejected:\n${result.errors.map((error) => error.message).join('\n')}\n${stringify(definition)}`,
    );
  return result.pipeline;
}
