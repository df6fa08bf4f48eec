import { failure, success, type Result } from '../result';

export interface CronFieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Names accepted for values, case-insensitive; names[i] means min + i. */
  readonly names?: readonly string[];
}

const PART = /^(\*|[A-Za-z0-9]+)(?:-([A-Za-z0-9]+))?(?:\/(\d+))?$/;

/**
 * Parses one field: lists (`1,5`), ranges (`1-5`), steps (`*\/15`, `10-50/10`, `5/15` meaning
 * 5 to the maximum in 15s) and names (`MON`, `jan`). Offsets in errors are into `text`.
 */
export function parseCronField(text: string, spec: CronFieldSpec): Result<Set<number>> {
  const values = new Set<number>();
  let offset = 0;
  for (const part of text.split(',')) {
    const parsed = parsePart(part, spec);
    if (!parsed.ok) return failure({ message: parsed.error.message, offset: offset + parsed.error.offset });
    parsed.value.forEach((value) => values.add(value));
    offset += part.length + 1;
  }
  return success(values);
}

function parsePart(part: string, spec: CronFieldSpec): Result<number[]> {
  if (part === '?')
    return failure({ message: `'?' is not supported in the ${spec.name} field; use *`, offset: 0 });
  const match = PART.exec(part);
  if (!match)
    return failure({
      message: `'${part}' is not a valid ${spec.name}: use *, a value, a range a-b, a list or a step /n`,
      offset: 0,
    });
  const [, first, last, step] = match;
  const from = first === '*' ? success(spec.min) : value(first!, spec);
  if (!from.ok) return from;
  const to =
    last !== undefined
      ? value(last, spec)
      : success(first === '*' || step !== undefined ? spec.max : from.value);
  if (!to.ok) return failure({ message: to.error.message, offset: first!.length + 1 });
  if (to.value < from.value)
    return failure({ message: `range ${part} in the ${spec.name} field goes backwards`, offset: 0 });
  const increment = step === undefined ? 1 : Number(step);
  if (increment < 1 || increment > spec.max) {
    return failure({
      message: `step /${step} in the ${spec.name} field must be from 1 to ${spec.max}`,
      offset: part.indexOf('/'),
    });
  }
  const values: number[] = [];
  for (let current = from.value; current <= to.value; current += increment) values.push(current);
  return success(values);
}

function value(text: string, spec: CronFieldSpec): Result<number> {
  const byName = spec.names?.findIndex((name) => name === text.toUpperCase()) ?? -1;
  const number = byName >= 0 ? spec.min + byName : /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(number)) {
    const names = spec.names ? ` or a name (${spec.names.join(', ')})` : '';
    return failure({ message: `'${text}' is not a valid ${spec.name}: use a number${names}`, offset: 0 });
  }
  if (number < spec.min || number > spec.max) {
    return failure({ message: `${spec.name} ${text} is out of range ${spec.min}-${spec.max}`, offset: 0 });
  }
  return success(number);
}
