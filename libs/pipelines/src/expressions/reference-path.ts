import type { Reference } from './ast';
import { ExpressionSyntaxError } from './syntax-error';
import type { Token } from './tokenizer';

type WordToken = Token & { kind: 'word' };

/** Interprets a dotted name as one of the three reference forms, or explains why it is none. */
export function toReference(segments: readonly WordToken[]): Reference {
  const [root, name, field, ...rest] = segments;
  const text = segments.map((segment) => segment.value).join('.');
  if (root!.value === 'params') {
    if (!name) throw new ExpressionSyntaxError('expected params.<name>', root!.start);
    if (field) throw new ExpressionSyntaxError(`'${text}': a parameter has no fields`, field.start);
    return { type: 'param', name: name.value };
  }
  if (root!.value === 'steps') {
    if (!name)
      throw new ExpressionSyntaxError(
        'expected steps.<name>.outputs.<key> or steps.<name>.status',
        root!.start,
      );
    if (field?.value === 'status' && rest.length === 0) return { type: 'status', step: name.value };
    if (field?.value === 'outputs' && rest[0]) {
      return {
        type: 'output',
        step: name.value,
        key: rest[0].value,
        fields: rest.slice(1).map((segment) => segment.value),
      };
    }
    throw new ExpressionSyntaxError(
      `'${text}': expected steps.${name.value}.outputs.<key> or steps.${name.value}.status`,
      root!.start,
    );
  }
  if (segments.length === 1) {
    throw new ExpressionSyntaxError(
      `unknown name '${text}'; quote text ('${text}') or reference steps.<name> or params.<name>`,
      root!.start,
    );
  }
  throw new ExpressionSyntaxError(
    `unknown reference '${text}'; references start with 'steps.' or 'params.'`,
    root!.start,
  );
}
