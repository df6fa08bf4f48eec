import { containsTemplate } from '../expressions/template';
import { childPath, itemPath } from '../source/paths';
import type { SourceNode } from '../source/source-node';
import type { ExpressionSite } from './drafts';
import { ENV_NAME } from './names';
import { label, type NameRule, type SourceReader } from './source-reader';

/** How a list or map of strings treats `${{ }}`: collected for checking, or refused. */
export type Placeholders =
  | { readonly allowed: true; readonly sites: ExpressionSite[] }
  | { readonly allowed: false; readonly why: string };

/** A list of strings; unquoted numbers and booleans are taken as written. */
export function readStringList(
  reader: SourceReader,
  node: SourceNode,
  path: string,
  placeholders: Placeholders,
): string[] | undefined {
  const sequence = reader.sequence(node, path);
  if (!sequence) return undefined;
  const values: string[] = [];
  sequence.items.forEach((item, index) => {
    const text = readTemplatedText(reader, item, itemPath(path, index), placeholders);
    if (text !== undefined) values.push(text);
  });
  return values;
}

/** Environment variables: valid names to strings. */
export function readEnv(
  reader: SourceReader,
  node: SourceNode,
  path: string,
  placeholders: Placeholders,
): Record<string, string> | undefined {
  const mapping = reader.mapping(node, path);
  if (!mapping) return undefined;
  const env: [string, string][] = [];
  for (const entry of mapping.entries) {
    const entryPath = childPath(path, entry.key);
    if (!ENV_NAME.pattern.test(entry.key)) {
      reader.problems.add(
        `environment variable name '${entry.key}' is not valid: ${ENV_NAME.description}`,
        entryPath,
        entry.keyStart,
      );
      continue;
    }
    const text = readTemplatedText(reader, entry.value, entryPath, placeholders);
    if (text !== undefined) env.push([entry.key, text]);
  }
  return Object.fromEntries(env);
}

/** A string (or an unquoted number or boolean as written) that may have to follow `rule`. */
export function readTemplatedText(
  reader: SourceReader,
  node: SourceNode,
  path: string,
  placeholders: Placeholders,
  rule?: NameRule,
): string | undefined {
  const scalar = reader.text(node, path);
  if (!scalar) return undefined;
  if (!containsTemplate(scalar.value)) {
    if (!rule || rule.pattern.test(scalar.value)) return scalar.value;
    reader.problems.add(
      `${label(path)} '${scalar.value}' is not valid: ${rule.description}`,
      path,
      scalar.start,
    );
    return undefined;
  }
  if (placeholders.allowed) {
    placeholders.sites.push({ scalar, path, role: 'template' });
    return scalar.value;
  }
  reader.problems.add(`${label(path)} cannot use \${{ }}: ${placeholders.why}`, path, scalar.start);
  return undefined;
}
