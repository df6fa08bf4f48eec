import { parsePipeline } from '../src/definition/parse-pipeline';
import type { Pipeline } from '../src/pipeline';
import { dedent } from './dedent';

/** Parses a test definition (header added), failing the test with every problem if it is invalid. */
export function pipelineFrom(body: string): Pipeline {
  const result = parsePipeline(`apiVersion: flywheel/v1\nkind: Pipeline\nname: test\n${dedent(body)}`);
  if (!result.ok)
    throw new Error(
      result.errors.map((error) => `${error.line}:${error.column} ${error.message}`).join('\n'),
    );
  return result.pipeline;
}
