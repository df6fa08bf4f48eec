import type { Pipeline } from '../pipeline';
import { readYaml } from '../source/from-yaml';
import { LineIndex } from '../source/line-index';
import { Problems, type PipelineError } from '../source/problems';
import { buildPipeline } from './build-pipeline';
import { checkExpressions } from './check-expressions';
import { checkGraph } from './check-graph';
import { readPipeline } from './read-pipeline';
import { SourceReader } from './source-reader';

export type ParsePipelineResult =
  | { readonly ok: true; readonly pipeline: Pipeline }
  | { readonly ok: false; readonly errors: readonly PipelineError[] };

/** Definitions are written by people; a megabyte is far beyond any of them and bounds the work. */
export const MAX_DEFINITION_LENGTH = 1_048_576;

/**
 * Validates a YAML pipeline definition and returns the model, or every problem found, in
 * source order, each with its path, line and column. Never throws.
 */
export function parsePipeline(yamlText: string): ParsePipelineResult {
  if (typeof yamlText !== 'string') return rejected('the definition must be YAML text');
  if (yamlText.length > MAX_DEFINITION_LENGTH)
    return rejected(`the definition is longer than ${MAX_DEFINITION_LENGTH} characters`);
  const problems = new Problems();
  const root = readYaml(yamlText, problems);
  const draft = root && readPipeline(new SourceReader(problems), root);
  if (draft) {
    checkGraph(draft, problems);
    checkExpressions(draft, problems);
  }
  if (!draft || problems.count > 0) return { ok: false, errors: problems.located(new LineIndex(yamlText)) };
  return { ok: true, pipeline: buildPipeline(draft) };
}

function rejected(message: string): ParsePipelineResult {
  return { ok: false, errors: [{ message, path: '', line: 1, column: 1 }] };
}
