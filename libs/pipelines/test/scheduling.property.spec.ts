import fc from 'fast-check';
import { isSettled, stepStateOf } from '../src/scheduling/run-state';
import { parsedPipeline, randomDefinition, type RandomDefinition } from './arbitraries';
import { expectedOutcome } from './expected-outcome';
import { simulateRun, type AttemptOutcome } from './simulate-run';

function outcomeOf(random: RandomDefinition) {
  return (step: string, attempt: number): AttemptOutcome =>
    random.outcomes.get(step)?.[attempt - 1] ?? { durationMs: 100, succeeds: true };
}

describe('scheduling random DAGs', () => {
  it('parses every generated definition back into the steps it was written with', () => {
    fc.assert(
      fc.property(randomDefinition, (random) => {
        const pipeline = parsedPipeline(random);
        const written = random.definition.steps as Array<{ name: string; depends_on: string[] }>;
        expect(pipeline.steps.map((step) => [step.name, step.dependsOn])).toEqual(
          written.map((step) => [step.name, step.depends_on]),
        );
      }),
    );
  });

  it('settles every step, starts steps only after their dependencies succeeded, and never runs a step twice at once', () => {
    fc.assert(
      fc.property(randomDefinition, (random) => {
        const pipeline = parsedPipeline(random);
        const result = simulateRun(pipeline, { params: { go: random.go }, outcome: outcomeOf(random) });
        expect(result.violations).toEqual([]);
        const all = pipeline.onExit ? [...pipeline.steps, pipeline.onExit] : pipeline.steps;
        for (const step of all) expect(isSettled(step, stepStateOf(result.run, step.name))).toBe(true);
        for (const step of all) {
          const attempts = result.attempts.filter((attempt) => attempt.step === step.name);
          attempts.forEach((attempt, index) => {
            expect(attempt.attempt).toBe(index + 1);
            if (index > 0) expect(attempt.startedAt).toBeGreaterThanOrEqual(attempts[index - 1]!.endedAt!);
          });
          expect(attempts.length).toBeLessThanOrEqual(step.retry.limit + 1);
        }
        const failed = all.some((step) => stepStateOf(result.run, step.name).status === 'failed');
        expect(result.status).toBe(failed ? 'failed' : 'succeeded');
      }),
    );
  });

  it('ends every step in the state an independent model of the run predicts', () => {
    fc.assert(
      fc.property(randomDefinition, (random) => {
        const pipeline = parsedPipeline(random);
        const result = simulateRun(pipeline, { params: { go: random.go }, outcome: outcomeOf(random) });
        const expected = expectedOutcome(pipeline, random.go, outcomeOf(random));
        const actual = new Map(
          [...expected.keys()].map((name) => [name, stepStateOf(result.run, name).status]),
        );
        expect(actual).toEqual(expected);
        expect(result.status).toBe([...expected.values()].includes('failed') ? 'failed' : 'succeeded');
      }),
    );
  });

  it('respects topological order: each step starts after the attempts that satisfied its dependencies ended', () => {
    fc.assert(
      fc.property(randomDefinition, (random) => {
        const pipeline = parsedPipeline(random);
        const result = simulateRun(pipeline, { params: { go: random.go }, outcome: outcomeOf(random) });
        const lastEnd = (step: string): number =>
          Math.max(
            ...result.attempts
              .filter((attempt) => attempt.step === step)
              .map((attempt) => attempt.endedAt ?? Infinity),
          );
        for (const attempt of result.attempts) {
          for (const dependency of pipeline.steps.find((step) => step.name === attempt.step)?.dependsOn ??
            []) {
            expect(attempt.startedAt).toBeGreaterThanOrEqual(lastEnd(dependency));
          }
        }
      }),
    );
  });

  it('when cancelled at any moment, stops everything, still runs the exit handler, and ends cancelled or finished', () => {
    fc.assert(
      fc.property(randomDefinition, fc.integer({ min: 0, max: 30_000 }), (random, cancelAt) => {
        const pipeline = parsedPipeline(random);
        const result = simulateRun(pipeline, {
          params: { go: random.go },
          outcome: outcomeOf(random),
          cancelAt,
        });
        expect(result.violations).toEqual([]);
        const statuses = pipeline.steps.map((step) => stepStateOf(result.run, step.name).status);
        expect(statuses.includes('cancelled') ? 'cancelled' : result.status).toBe(result.status);
        if (pipeline.onExit) {
          const exit = stepStateOf(result.run, pipeline.onExit.name);
          expect(['succeeded', 'failed', 'skipped']).toContain(exit.status);
          const stepsEnded = Math.max(
            0,
            ...result.attempts
              .filter((attempt) => attempt.step !== pipeline.onExit!.name)
              .map((attempt) => attempt.endedAt ?? 0),
          );
          const exitStarts = result.attempts.filter((attempt) => attempt.step === pipeline.onExit!.name);
          for (const attempt of exitStarts) expect(attempt.startedAt).toBeGreaterThanOrEqual(stepsEnded);
        }
      }),
    );
  });
});
