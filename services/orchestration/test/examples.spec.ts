import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminOnlySteps, parsePipeline } from '@flywheel/pipelines';

describe('examples/python-trainer/pipeline.yaml', () => {
  const result = parsePipeline(
    readFileSync(join(__dirname, '..', 'examples', 'python-trainer', 'pipeline.yaml'), 'utf8'),
  );

  it('is a valid definition that only an admin may register (it runs the trainer as a process)', () => {
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(adminOnlySteps(result.pipeline)).toEqual(['train']);
    expect(result.pipeline.steps.find((step) => step.name === 'train')?.task).toMatchObject({
      kind: 'process',
      env: { FLYWHEEL_DATA_FILE: '${{ steps.validate-data.outputs.data_file }}' },
    });
  });
});
