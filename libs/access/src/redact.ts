export const REDACTED = '[REDACTED]';

/**
 * Property names whose values are secrets. A bare `key` is deliberately not matched: MLflow
 * params and tags are `{ key, value }` pairs and the audit log must keep them readable.
 */
export const DEFAULT_SECRET_KEY_PATTERN =
  /secret|passw(or)?d|token|credential|authorization|cookie|pepper|salt|api_?key|private_?key|access_?key|signing_?key/i;

// API key tokens are redacted wherever they appear, even under an innocent property name.
const API_KEY_TOKEN_PATTERN = /fwk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}/g;

/**
 * A deep copy of `value` with secret-named properties and embedded API key tokens replaced by
 * `[REDACTED]`. Arrays and plain objects are walked; cycles become `[Circular]`.
 */
export function redact(value: unknown, secretKeys: RegExp = DEFAULT_SECRET_KEY_PATTERN): unknown {
  return walk(value, secretKeys, new WeakSet());
}

function walk(value: unknown, secretKeys: RegExp, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return value.replace(API_KEY_TOKEN_PATTERN, REDACTED);
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  const copy = Array.isArray(value)
    ? value.map((item) => walk(item, secretKeys, seen))
    : Object.fromEntries(
        Object.entries(value).map(([name, item]) => [
          name,
          isSecretName(name, secretKeys) ? REDACTED : walk(item, secretKeys, seen),
        ]),
      );
  seen.delete(value);
  return copy;
}

function isSecretName(name: string, secretKeys: RegExp): boolean {
  // A global or sticky pattern keeps state between test() calls; reset it so each name is judged alone.
  secretKeys.lastIndex = 0;
  return secretKeys.test(name);
}
