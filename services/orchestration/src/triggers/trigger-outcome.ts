import type { EventRunOutcome } from '../runs/runs.service';

/** One line for the processed-trigger record: which runs started, which pipelines refused. */
export function describeOutcomes(outcomes: readonly EventRunOutcome[]): string {
  if (outcomes.length === 0) return 'no pipeline has a trigger for it';
  return outcomes
    .map((outcome) =>
      'runId' in outcome
        ? `${outcome.pipeline}: run ${outcome.runId}`
        : `${outcome.pipeline}: refused (${outcome.refused})`,
    )
    .join('; ');
}

export const startedRunIds = (outcomes: readonly EventRunOutcome[]): string[] =>
  outcomes.flatMap((outcome) => ('runId' in outcome ? [outcome.runId] : []));
