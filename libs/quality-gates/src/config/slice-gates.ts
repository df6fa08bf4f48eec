import { ValidationProblem } from '../errors';
import { sliceGateSchema } from './config-schemas';
import { ConfigPath, formatPath } from './config-path';
import { SliceDisparityGate } from './gate-config';
import { parseAt } from './schema-problems';

/** Normalises `slices`, given as one `{ metric, max_disparity }` object or a list of them. */
export function normalizeSliceGates(slices: unknown, problems: ValidationProblem[]): SliceDisparityGate[] {
  if (slices === undefined) return [];
  const entries: [unknown, ConfigPath][] = Array.isArray(slices)
    ? slices.map((entry: unknown, i) => [entry, ['slices', i]])
    : [[slices, ['slices']]];
  const gates: SliceDisparityGate[] = [];
  const firstPath = new Map<string, ConfigPath>();
  for (const [entry, path] of entries) {
    const parsed = parseAt(sliceGateSchema, entry, path, problems);
    if (!parsed) continue;
    const earlier = firstPath.get(parsed.metric);
    if (earlier) {
      problems.push({
        path: formatPath([...path, 'metric']),
        message: `repeats the disparity gate on ${parsed.metric} from ${formatPath(earlier)}`,
      });
      continue;
    }
    firstPath.set(parsed.metric, path);
    gates.push({ metric: parsed.metric, maxDisparity: parsed.max_disparity });
  }
  return gates;
}
