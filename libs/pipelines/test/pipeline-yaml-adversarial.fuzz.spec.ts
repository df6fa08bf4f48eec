import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parsePipeline, type ParsePipelineResult } from '../src/definition/parse-pipeline';

// Pipeline YAML arrives from whoever may register a pipeline. Every input must end in a Pipeline
// or a list of located PipelineErrors: no exception, no hang, no prototype pollution, and each
// error must point inside the text. Complements parse-pipeline.fuzz.spec.ts with a tight
// per-input deadline, many more runs and YAML's own attack surface (aliases, tags, merge keys).

// The bound catches super-linear blow-ups (alias bombs, pathological nesting), which take
// seconds to hours; a typical input parses in well under a millisecond. It leaves room for a
// shared CI machine's scheduling noise (a 204 ms outlier was seen at load 18 on 2 cores).
const DEADLINE_MS = 1_000;
const RUNS = 2_000;
const EXAMPLE = readFileSync(join(__dirname, '..', 'examples', 'retrain.yaml'), 'utf8');

/**
 * Parses `text`, failing when it takes longer than `deadlineMs` twice in a row: a pathological
 * input is slow every time, while a pause of the machine (GC, a noisy neighbour) is not repeated.
 */
function parseWithin(text: string, deadlineMs = DEADLINE_MS): ParsePipelineResult {
  const timed = () => {
    const started = performance.now();
    return { result: parsePipeline(text), elapsed: performance.now() - started };
  };
  const first = timed();
  if (first.elapsed <= deadlineMs) return first.result;
  const second = timed();
  if (second.elapsed > deadlineMs)
    throw new Error(
      `parsePipeline took ${first.elapsed.toFixed(1)} ms then ${second.elapsed.toFixed(1)} ms, over ${deadlineMs} ms`,
    );
  return second.result;
}

/** The result is a Pipeline of plain JSON data, or errors that each point inside `text`. */
function expectWellFormed(text: string, result: ParsePipelineResult): void {
  expect(Object.prototype).not.toHaveProperty('polluted');
  if (result.ok) {
    expect(JSON.parse(JSON.stringify(result.pipeline))).toEqual(result.pipeline);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  const lines = text.split('\n');
  for (const error of result.errors) {
    expect(typeof error.message === 'string' && error.message.length > 0).toBe(true);
    expect(typeof error.path).toBe('string');
    expect(Number.isInteger(error.line) && error.line >= 1 && error.line <= lines.length).toBe(true);
    const lineLength = lines[error.line - 1]?.length ?? 0;
    expect(Number.isInteger(error.column) && error.column >= 1 && error.column <= lineLength + 1).toBe(true);
  }
}

const hostileScalar = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '{"polluted": 1}',
  "'; DROP TABLE pipelines; --",
  '1e309',
  '-1e309',
  '0x7fffffffffffffffffff',
  '9'.repeat(400),
  '.nan',
  '.inf',
  '-.inf',
  '0o777',
  '1_000',
  '${{ params.__proto__ }}',
  '${{ steps.__proto__.outputs.x }}',
  '${{ constructor.constructor }}',
  '${{',
  '}}',
  '\\',
  '\\\\',
  '"',
  "'",
  '`',
  '\u0000',
  '\u0085',
  '\u2028',
  '\ufeff',
  '\ud800',
  'é',
  '🧪',
  'true',
  'null',
  '~',
);
const yamlPiece = fc.oneof(
  hostileScalar,
  fc.constantFrom(
    'apiVersion: flywheel/v1\n',
    'kind: Pipeline\n',
    'name: p\n',
    'steps:\n',
    '  - name: a\n',
    '    uses: train\n',
    '    process: {command: run}\n',
    '    with: {dataset: x}\n',
    '__proto__: {polluted: 1}\n',
    'constructor: {prototype: {polluted: 1}}\n',
    '<<: *base\n',
    'base: &base {polluted: 1}\n',
    '&a [*a]\n',
    '!!js/function "function(){}"\n',
    '!!binary aGVsbG8=\n',
    '!!timestamp 2026-01-01\n',
    '!!set {a, b}\n',
    '!!omap [a: 1]\n',
    '!!python/object:os.system ls\n',
    '!<tag:yaml.org,2002:str> x\n',
    '? [a, b]\n: c\n',
    '---\n',
    '...\n',
    '%YAML 1.1\n',
    '%TAG ! tag:evil.com,2000:\n',
    '|\n',
    '>-\n',
    '\r\n',
    '\r',
    '\t',
    'retry: {limit: 1e309, backoff: 99999999999999999999d}\n',
    'timeout: 365d1ms\n',
    'schedule: "*/0 * * * *"\n',
    'depends_on: [a, a, a]\n',
    'name: a\nname: b\n',
  ),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const yamlSoup = fc.array(yamlPiece, { maxLength: 40 }).map((pieces) => pieces.join(''));

/** The example definition with characters inserted, deleted or replaced at random offsets. */
const mutatedExample = fc
  .array(
    fc.tuple(
      fc.nat({ max: EXAMPLE.length }),
      fc.nat({ max: 12 }),
      fc.oneof(
        hostileScalar,
        fc.string({ unit: 'binary', maxLength: 4 }),
        fc.constantFrom(':', '-', ' ', '\n', '[', '{', '&x', '*x', '#'),
      ),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((edits) =>
    edits.reduce(
      (text, [at, removed, inserted]) => text.slice(0, at) + inserted + text.slice(at + removed),
      EXAMPLE,
    ),
  );

/** Well-formed YAML of pipeline shape whose values and keys are hostile. */
const hostileDocument = fc
  .dictionary(
    fc.oneof(
      fc.constantFrom(
        'apiVersion',
        'kind',
        'name',
        'steps',
        'params',
        'triggers',
        'defaults',
        'on_exit',
        'concurrency',
        '__proto__',
        'constructor',
      ),
      fc.string({ maxLength: 8 }),
    ),
    fc.jsonValue({ maxDepth: 4 }),
    { maxKeys: 8 },
  )
  .map((document) => stringify({ apiVersion: 'flywheel/v1', kind: 'Pipeline', name: 'p', ...document }));

describe('parsePipeline under random and adversarial YAML', () => {
  it.each([
    ['YAML token soup with aliases, tags, merge keys and prototype keys', yamlSoup],
    ['the example definition with random edits', mutatedExample],
    ['pipeline-shaped documents with hostile keys and values', hostileDocument],
    ['arbitrary text', fc.string({ unit: 'binary', maxLength: 300 })],
  ])(`ends in a pipeline or located errors within ${DEADLINE_MS} ms: %s`, (_what, text) => {
    fc.assert(
      fc.property(text, (definition) => expectWellFormed(definition, parseWithin(definition))),
      { numRuns: RUNS },
    );
  });

  it('refuses alias bombs ("billion laughs") quickly instead of expanding them', () => {
    const levels = Array.from(
      { length: 10 },
      (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`,
    );
    const bomb = `apiVersion: flywheel/v1\nkind: Pipeline\nname: p\nl0: &l0 "lol"\n${levels.join('\n')}\nsteps: *l10\n`;
    const result = parseWithin(bomb);
    expectWellFormed(bomb, result);
    expect(result.ok).toBe(false);
  });

  it('never lets __proto__ keys reach an object prototype', () => {
    const text = [
      'apiVersion: flywheel/v1',
      'kind: Pipeline',
      'name: p',
      'params: {__proto__: {polluted: 1}, constructor: {prototype: {polluted: 1}}}',
      'steps:',
      '  - name: a',
      '    uses: train',
      '    with: {dataset: x, __proto__: {polluted: 1}}',
    ].join('\n');
    const result = parseWithin(text);
    expectWellFormed(text, result);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('handles the longest definition accepted within a generous bound and refuses longer ones at once', () => {
    const longComment = `${EXAMPLE}\n#${'x'.repeat(1_048_576 - EXAMPLE.length - 2)}`;
    expectWellFormed(longComment, parseWithin(longComment, 2_000));
    const tooLong = parseWithin(`${longComment}x`);
    expect(tooLong).toMatchObject({
      ok: false,
      errors: [{ message: 'the definition is longer than 1048576 characters' }],
    });
  });
});
