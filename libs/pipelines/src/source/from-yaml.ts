import { Composer, Parser, type CST, type Document } from 'yaml';
import type { Problems } from './problems';
import type { SourceNode } from './source-node';
import { YamlConverter } from './yaml-converter';
import { firstTooDeep } from './yaml-nesting';

/** Far deeper than any definition needs; keeps parsing bounded on hostile input. */
export const MAX_DEPTH = 64;

/**
 * Parses YAML text into a SourceNode tree. YAML syntax problems are reported and stop the
 * read, because nothing after a syntax error can be trusted to mean what the author meant.
 */
export function readYaml(text: string, problems: Problems): SourceNode | undefined {
  const tokens = Array.from(new Parser().parse(text));
  const tooDeep = firstTooDeep(tokens, MAX_DEPTH);
  if (tooDeep !== undefined) {
    problems.add(`YAML: nesting is deeper than ${MAX_DEPTH} levels`, '', tooDeep);
    return undefined;
  }
  const document = composeSingle(tokens, text, problems);
  if (!document) return undefined;
  const seen = new Set<string>();
  for (const issue of [...document.errors, ...document.warnings]) {
    const key = `${issue.pos[0]}:${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.add(`YAML: ${issue.message}`, '', issue.pos[0]);
  }
  if (seen.size > 0) return undefined;
  if (document.contents === null) {
    problems.add('the definition is empty', '', 0);
    return undefined;
  }
  return new YamlConverter(text, problems).convert(document.contents, '');
}

function composeSingle(
  tokens: readonly CST.Token[],
  text: string,
  problems: Problems,
): Document.Parsed | undefined {
  let first: Document.Parsed | undefined;
  for (const document of new Composer({ prettyErrors: false }).compose(tokens, true, text.length)) {
    if (!first) {
      first = document;
      continue;
    }
    problems.add('YAML: a definition is a single document; remove the second ---', '', document.range[0]);
    return undefined;
  }
  return first;
}
