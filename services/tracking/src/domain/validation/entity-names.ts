import { invalidArgument } from '../tracking-error';
import { exceedsMaximumLength, invalidValue } from './messages';
import { posixNormpath } from './posix-normpath';

/** MLflow's limit on metric, param and tag keys. */
export const MAX_ENTITY_KEY_LENGTH = 250;

// Python's `\w` is Unicode-aware: letters, digits and marks of any script, and `_`.
const NAME_CHARACTERS = /^[/\p{L}\p{N}\p{M}_.\- :]*$/u;
const BAD_CHARACTER =
  'Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).';

/**
 * Checks a metric, param or tag key the way MLflow does: allowed characters, a name a file
 * store would not resolve to another (`a/../b`, `./a`, `a/`), at most 250 characters.
 * @param path the request field, e.g. `metrics[2].key`, for the message.
 */
export function checkEntityKey(key: string, path: string, label: string): void {
  if (!NAME_CHARACTERS.test(key)) throw invalidArgument(invalidValue(path, key, BAD_CHARACTER));
  // Only a slash, a dot name or emptiness can make the normalized name differ.
  const normalized =
    key.includes('/') || key === '' || key === '.' || key === '..' ? posixNormpath(key) : key;
  if (normalized !== key || normalized === '.' || normalized.startsWith('..') || normalized.startsWith('/')) {
    throw invalidArgument(
      invalidValue(
        path,
        key,
        `Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '${normalized}'`,
      ),
    );
  }
  checkMaxLength(key, MAX_ENTITY_KEY_LENGTH, label);
}

export function checkMaxLength(value: string, limit: number, label: string): void {
  if (value.length > limit) throw invalidArgument(exceedsMaximumLength(label, limit));
}
