import { topologicalOrder, upstreamOf } from './dependency-graph';
import { findCycles } from './find-cycles';

const graph = (entries: Record<string, string[]>): Map<string, string[]> => new Map(Object.entries(entries));

describe('dependency graphs', () => {
  it('orders steps after their dependencies, ties in declaration order', () => {
    const diamond = graph({ d: ['b', 'c'], a: [], c: ['a'], b: ['a'] });
    expect(topologicalOrder(diamond)).toEqual({ order: ['a', 'c', 'b', 'd'], blocked: [] });
  });

  it('leaves steps on or behind a cycle blocked', () => {
    expect(topologicalOrder(graph({ a: [], b: ['c'], c: ['b'], d: ['c'] }))).toEqual({
      order: ['a'],
      blocked: ['b', 'c', 'd'],
    });
  });

  it('collects everything upstream', () => {
    expect([...upstreamOf(graph({ a: [], b: ['a'], c: ['b'], d: [] }), ['c'])].sort()).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('finds one shortest cycle per strongly connected component, from its first declared step', () => {
    const cycles = findCycles(
      graph({ a: ['b'], b: ['c', 'a'], c: ['a'], x: ['x'], y: ['z'], z: ['y'], w: ['a'] }),
    );
    expect(cycles).toEqual([
      ['a', 'b', 'a'],
      ['x', 'x'],
      ['y', 'z', 'y'],
    ]);
  });

  it('handles long chains without recursion', () => {
    const chain = graph(
      Object.fromEntries(
        Array.from({ length: 50_000 }, (_, i) => [`s${i}`, i === 0 ? ['s49999'] : [`s${i - 1}`]]),
      ),
    );
    expect(findCycles(chain)[0]).toHaveLength(50_001);
  });
});
