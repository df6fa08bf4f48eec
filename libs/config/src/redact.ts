const SECRET_KEY = /secret|password|passwd|token|credential|pepper|private_?key|api_?key|service_?key/i;
export const REDACTED = '[redacted]';

/**
 * A copy of `value` that is safe to print or log: properties whose names suggest a secret
 * (secretAccessKey, FLYWHEEL_S3_SECRET_ACCESS_KEY, password, token, credentials, pepper,
 * privateKey, serviceKey, FLYWHEEL_SERVICE_API_KEY) are replaced
 * by `[redacted]`, and passwords inside URLs (postgres://user:pass@host) are masked.
 */
export function redactSecrets<T>(value: T): T {
  return redact(value) as T;
}

function redact(value: unknown): unknown {
  if (typeof value === 'string') return redactUrlPassword(value);
  if (Array.isArray(value)) return value.map(redact);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, SECRET_KEY.test(key) ? REDACTED : redact(child)]),
    );
  }
  return value;
}

// scheme://user:password@host -> scheme://user:***@host
const URL_PASSWORD = /^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@/]+@/i;

function redactUrlPassword(text: string): string {
  return text.replace(URL_PASSWORD, '$1***@');
}
