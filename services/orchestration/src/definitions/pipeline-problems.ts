import type { PipelineError } from '@flywheel/pipelines';

/** Every problem of a refused definition, one per line: `path:line:column message`. */
export function describePipelineErrors(errors: readonly PipelineError[]): string {
  const lines = errors.map(
    ({ path, line, column, message }) => `${path || '(document)'}:${line}:${column} ${message}`,
  );
  return `pipeline definition is invalid (${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}):\n${lines.join('\n')}`;
}
