import type { Pipeline, ScalarValue } from '@flywheel/pipelines';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parameter values sent as text, converted to the declared types: `"0.8"` for a number
 * parameter, `"true"`/`"false"` for a boolean one. Text that does not convert (and unknown
 * names) stays text, so `resolveParams` reports it with the declared type.
 */
export function typedParams(
  pipeline: Pipeline,
  given: Readonly<Record<string, string>>,
): Record<string, ScalarValue> {
  const types = new Map(pipeline.params.map((param) => [param.name, param.type]));
  return Object.fromEntries(
    Object.entries(given).map(([name, text]): [string, ScalarValue] => {
      switch (types.get(name)) {
        case 'number':
          return [name, NUMBER.test(text.trim()) ? Number(text) : text];
        case 'boolean':
          return [name, text === 'true' ? true : text === 'false' ? false : text];
        case 'string':
        case undefined:
          return [name, text];
      }
    }),
  );
}
