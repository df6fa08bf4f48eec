// In a u-flag expression paired surrogates form one code point, so this matches only lone ones.
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Why a parsed JSON payload cannot become a protobuf message without silently changing, or
 * undefined. Two things survive `JSON.parse` and ts-proto's `fromJSON` but not the binary wire
 * format: strings with lone surrogates (not Unicode, so UTF-8 encoding replaces them with U+FFFD)
 * and `__proto__` keys (ts-proto's binary decoder assigns map entries with `obj[key] = v`, which
 * ignores that key). Iterative, so no nesting depth can overflow the stack.
 */
export function jsonPayloadProblem(json: unknown): string | undefined {
  const pending: { value: unknown; path: string }[] = [{ value: json, path: '' }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return `the string at ${path || 'the top level'} is not valid Unicode (a lone surrogate)`;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, path: `${path}[${index}]` }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const keyPath = path === '' ? key : `${path}.${key}`;
      if (key === '__proto__') return `the key ${keyPath} is not allowed`;
      if (LONE_SURROGATE.test(key)) return `a key in ${path || 'the top level'} is not valid Unicode (a lone surrogate)`;
      pending.push({ value: (value as Record<string, unknown>)[key], path: keyPath });
    }
  }
  return undefined;
}
