/** Each step name mapped to the names of the steps it depends on, in declaration order. */
export type DependencyGraph = ReadonlyMap<string, readonly string[]>;

/**
 * Kahn's algorithm: steps whose dependencies all come earlier, ties in declaration order.
 * `blocked` holds the steps that sit on or behind a cycle.
 */
export function topologicalOrder(graph: DependencyGraph): { order: string[]; blocked: string[] } {
  const waitingOn = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const [step, dependencies] of graph) {
    const known = dependencies.filter((dependency) => graph.has(dependency));
    waitingOn.set(step, known.length);
    for (const dependency of known) {
      const list = dependents.get(dependency) ?? [];
      list.push(step);
      dependents.set(dependency, list);
    }
  }
  const order = [...graph.keys()].filter((step) => waitingOn.get(step) === 0);
  for (let index = 0; index < order.length; index += 1) {
    for (const dependent of dependents.get(order[index]!) ?? []) {
      const remaining = waitingOn.get(dependent)! - 1;
      waitingOn.set(dependent, remaining);
      if (remaining === 0) order.push(dependent);
    }
  }
  const placed = new Set(order);
  return { order, blocked: [...graph.keys()].filter((step) => !placed.has(step)) };
}

/** Every step that `dependencies` reach, directly or transitively. */
export function upstreamOf(graph: DependencyGraph, dependencies: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...dependencies];
  while (pending.length > 0) {
    const step = pending.pop()!;
    if (seen.has(step) || !graph.has(step)) continue;
    seen.add(step);
    pending.push(...graph.get(step)!);
  }
  return seen;
}
