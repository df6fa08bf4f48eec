import type { DependencyGraph } from './dependency-graph';

/**
 * One cycle per strongly connected component, as `[a, b, ..., a]` where each step depends on
 * the next, starting from the component's first step in declaration order. Iterative, so a
 * huge definition cannot exhaust the stack.
 */
export function findCycles(graph: DependencyGraph): string[][] {
  const declared = [...graph.keys()];
  return stronglyConnectedComponents(graph)
    .filter((component) => component.length > 1 || graph.get(component[0]!)!.includes(component[0]!))
    .map((component) => {
      const members = new Set(component);
      const start = declared.find((step) => members.has(step))!;
      return shortestCycleThrough(graph, start, members);
    })
    .sort((a, b) => declared.indexOf(a[0]!) - declared.indexOf(b[0]!));
}

/** Breadth-first from `start` back to itself, staying inside its component. */
function shortestCycleThrough(graph: DependencyGraph, start: string, members: ReadonlySet<string>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let index = 0; index < queue.length; index += 1) {
    const step = queue[index]!;
    for (const dependency of graph.get(step) ?? []) {
      if (!members.has(dependency)) continue;
      if (dependency === start) {
        const path = [start];
        for (let at: string | undefined = step; at !== undefined && at !== start; at = previous.get(at))
          path.unshift(at);
        return [start, ...path];
      }
      if (!previous.has(dependency)) {
        previous.set(dependency, step);
        queue.push(dependency);
      }
    }
  }
  return [start, start];
}

/** Tarjan's algorithm with an explicit stack of frames. */
function stronglyConnectedComponents(graph: DependencyGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (step: string): void => {
    index.set(step, index.size);
    low.set(step, index.get(step)!);
    stack.push(step);
    onStack.add(step);
  };
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    visit(root);
    const frames = [{ step: root, next: 0 }];
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const dependencies = graph.get(frame.step)!;
      if (frame.next < dependencies.length) {
        const target = dependencies[frame.next++]!;
        if (!graph.has(target)) continue;
        if (!index.has(target)) {
          visit(target);
          frames.push({ step: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.step, Math.min(low.get(frame.step)!, index.get(target)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.step, Math.min(low.get(parent.step)!, low.get(frame.step)!));
      if (low.get(frame.step) === index.get(frame.step))
        components.push(popComponent(stack, onStack, frame.step));
    }
  }
  return components;
}

function popComponent(stack: string[], onStack: Set<string>, root: string): string[] {
  const component: string[] = [];
  for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
    onStack.delete(member);
    component.push(member);
    if (member === root) break;
  }
  return component;
}
