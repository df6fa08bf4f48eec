const EXCERPT_LENGTH = 100;

/** `{'=', '!='}`: how MLflow's messages print a set of allowed values. */
export function formatSet(items: readonly string[]): string {
  return `{${items.map((item) => `'${item}'`).join(', ')}}`;
}

/** `['metric', 'tag']`: how MLflow's messages print a list of allowed values. */
export function formatList(items: readonly string[]): string {
  return `[${items.map((item) => `'${item}'`).join(', ')}]`;
}

/** User text quoted in a message: shortened so a huge input cannot blow up the error. */
export function shorten(text: string): string {
  return text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH)}…`;
}

/** A token quoted in a message; the end token reads as such. */
export function describeToken(raw: string): string {
  return raw === '' ? 'the end of the input' : shorten(raw);
}

/** `Object.hasOwn` lookup, so keys like `constructor` never hit the prototype. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
