import { parsePipeline } from '@flywheel/pipelines';
import { describePipelineErrors } from './pipeline-problems';

describe('describePipelineErrors', () => {
  it('lists every problem with its path, line and column', () => {
    const parsed = parsePipeline(
      'apiVersion: flywheel/v1\nkind: Pipeline\nname: Bad_Name\nsteps:\n  - name: a\n    uses: nope\n',
    );
    if (parsed.ok) throw new Error('expected the definition to be refused');
    const text = describePipelineErrors(parsed.errors);
    expect(text).toMatch(/^pipeline definition is invalid \(\d+ problems?\):\n/);
    for (const error of parsed.errors)
      expect(text).toContain(`${error.path}:${error.line}:${error.column} ${error.message}`);
    expect(text).toContain('name:3:7');
  });

  it('names the document itself when a problem has no path', () => {
    expect(describePipelineErrors([{ path: '', line: 1, column: 1, message: 'empty' }])).toContain(
      '(document):1:1 empty',
    );
  });
});
