import { parsePipeline, resolveParams } from '@flywheel/pipelines';
import { typedParams } from './typed-params';

const parsed = parsePipeline(`apiVersion: flywheel/v1
kind: Pipeline
name: p
params:
  label: { type: string }
  min_auc: { type: number, default: 0.8 }
  dry_run: { type: boolean, default: false }
steps:
  - name: s
    process: { command: /usr/bin/tool }
`);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const pipeline = parsed.pipeline;

describe('typedParams', () => {
  it('converts text to the declared number and boolean types, and leaves strings as written', () => {
    expect(typedParams(pipeline, { label: '42', min_auc: '0.9', dry_run: 'true' })).toEqual({
      label: '42',
      min_auc: 0.9,
      dry_run: true,
    });
  });

  it('leaves text that does not convert, so resolveParams names the parameter and its type', () => {
    const resolved = resolveParams(
      pipeline,
      typedParams(pipeline, { label: 'x', min_auc: 'high', dry_run: 'yes', extra: '1' }),
    );
    expect(resolved).toEqual({
      ok: false,
      error: [
        "unknown parameter 'extra'",
        'parameter \'min_auc\' must be a number, got "high"',
        'parameter \'dry_run\' must be a boolean, got "yes"',
      ],
    });
  });
});
