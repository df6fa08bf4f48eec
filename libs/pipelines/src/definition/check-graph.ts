import type { DependencyGraph } from '../graph/dependency-graph';
import { findCycles } from '../graph/find-cycles';
import type { Problems } from '../source/problems';
import type { PipelineDraft, StepDraft } from './drafts';
import { didYouMean } from './suggest';

/** The named steps (first of any duplicates) and their dependencies. */
export function draftGraph(steps: readonly StepDraft[]): Map<string, readonly string[]> {
  const graph = new Map<string, readonly string[]>();
  for (const step of steps) {
    if (step.name && !graph.has(step.name.value))
      graph.set(
        step.name.value,
        step.dependencies.map((dependency) => dependency.name),
      );
  }
  return graph;
}

/** Duplicate names, dependencies on unknown steps or on the exit handler, and cycles. */
export function checkGraph(draft: PipelineDraft, problems: Problems): void {
  const firstByName = new Map<string, StepDraft>();
  for (const step of draft.steps) {
    if (!step.name) continue;
    const first = firstByName.get(step.name.value);
    if (first)
      problems.add(
        `duplicate step name '${step.name.value}'; ${first.path} already uses it`,
        step.name.path,
        step.name.start,
      );
    else firstByName.set(step.name.value, step);
  }
  const exitName = draft.onExit?.name;
  const clash = exitName && firstByName.get(exitName.value);
  if (exitName && clash)
    problems.add(
      `the exit handler's name '${exitName.value}' is already used by ${clash.path}`,
      exitName.path,
      exitName.start,
    );
  for (const step of draft.steps) {
    for (const dependency of step.dependencies) {
      if (firstByName.has(dependency.name)) continue;
      const message =
        dependency.name === exitName?.value
          ? `'${dependency.name}' is the exit handler, which runs after every step; nothing can depend on it`
          : `unknown step '${dependency.name}' in depends_on${didYouMean(dependency.name, firstByName.keys())}`;
      problems.add(message, dependency.path, dependency.start);
    }
  }
  reportCycles(draftGraph(draft.steps), firstByName, problems);
}

function reportCycles(
  graph: DependencyGraph,
  steps: ReadonlyMap<string, StepDraft>,
  problems: Problems,
): void {
  for (const cycle of findCycles(graph)) {
    const [first, second] = cycle as [string, string];
    const closing = steps.get(first)!.dependencies.find((dependency) => dependency.name === second)!;
    problems.add(
      `dependency cycle: ${cycle.join(' -> ')} (each step depends on the next)`,
      closing.path,
      closing.start,
    );
  }
}
