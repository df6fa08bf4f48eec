import fc from 'fast-check';
import { stringify } from 'yaml';
import { parsePipeline } from '../src/definition/parse-pipeline';
import { evaluateExpression } from '../src/expressions/evaluator';
import { parseExpression } from '../src/expressions/parser';
import { parseCron } from '../src/cron/parse-cron';
import { randomDefinition } from './arbitraries';

/** Generous for a loaded CI machine; a pathological input would take far longer. */
const TIME_LIMIT_MS = 2_000;

/** Milliseconds `parsePipeline(text)` takes: the faster of two tries when the first is over the limit (a machine pause is not repeated, a blow-up is). */
function parseTime(text: string): number {
  const timed = () => {
    const started = performance.now();
    parsePipeline(text);
    return performance.now() - started;
  };
  const first = timed();
  return first < TIME_LIMIT_MS ? first : Math.min(first, timed());
}

/** Parses, asserting it neither throws nor hangs, and that every error points inside the text. */
function parseChecked(text: string): ReturnType<typeof parsePipeline> {
  expect(parseTime(text)).toBeLessThan(TIME_LIMIT_MS);
  const result = parsePipeline(text);
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    const lines = text.split('\n').length;
    for (const error of result.errors) {
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.line).toBeLessThanOrEqual(lines);
      expect(error.column).toBeGreaterThanOrEqual(1);
      expect(error.message).not.toBe('');
    }
  }
  return result;
}

const yamlFragments = fc.constantFrom(
  'apiVersion: flywheel/v1',
  'kind: Pipeline',
  'name: x',
  'steps:',
  '- name: a',
  '  uses: train',
  '  process: {command: run}',
  'depends_on: [a, b]',
  'when: ',
  '${{',
  '}}',
  'steps.a.outputs.b',
  'params.',
  ' and ',
  ' == ',
  "'",
  '"',
  ':',
  '- ',
  '  ',
  '\t',
  '[',
  ']',
  '{',
  '}',
  '&a ',
  '*a',
  '!!str ',
  '!custom ',
  '? ',
  '#',
  '---',
  '...',
  '%YAML 1.2',
  '|',
  '>',
  '<<: *a',
  'on_exit:',
  'retry: {limit: 1e309}',
  'timeout: 1h30m',
  'schedule: "*/5 * * * *"',
  '\n',
  '\n  ',
  '\n    ',
);

/** Pipeline-shaped documents with random values in random places. */
const mutatedDefinition = randomDefinition.chain(({ definition }) =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom('name', 'steps', 'params', 'triggers', 'on_exit', 'concurrency', 'defaults', 'bogus'),
        fc.jsonValue({ maxDepth: 3 }),
      ),
      { maxLength: 3 },
    )
    .map((changes) => ({ ...definition, ...Object.fromEntries(changes) })),
);

describe('parsePipeline never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => void parseChecked(text)),
      { numRuns: 300 },
    );
  });

  it('on YAML-ish token soup', () => {
    fc.assert(
      fc.property(
        fc.array(yamlFragments, { maxLength: 60 }).map((parts) => parts.join('')),
        (text) => void parseChecked(text),
      ),
      { numRuns: 300 },
    );
  });

  it('on pipeline-shaped documents with random values in random places', () => {
    fc.assert(
      fc.property(mutatedDefinition, (definition) => void parseChecked(stringify(definition))),
      { numRuns: 200 },
    );
  });

  it('on hostile inputs: deep nesting, huge lists, long expressions', () => {
    const header = 'apiVersion: flywheel/v1\nkind: Pipeline\nname: x\nsteps:\n';
    const tooDeep = [
      '['.repeat(50_000),
      `${'- '.repeat(50_000)}x`,
      `${'{a: '.repeat(20_000)}`,
      Array.from({ length: 1_000 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n'),
    ];
    for (const text of tooDeep) {
      expect(parseChecked(text)).toMatchObject({
        ok: false,
        errors: [{ message: 'YAML: nesting is deeper than 64 levels' }],
      });
    }
    const tooMany = `${header}${Array.from({ length: 3_000 }, (_, i) => `  - {name: s${i}, process: {command: r}}`).join('\n')}`;
    expect(parseChecked(tooMany)).toMatchObject({
      ok: false,
      errors: [{ message: 'steps lists 3000 steps; a pipeline has at most 500' }],
    });
    // The most work a definition under the limits can ask for: every step reads every earlier one.
    const dense = Array.from({ length: 500 }, (_, i) => {
      const earlier = Array.from({ length: Math.min(i, 20) }, (_, j) => `s${i - j - 1}`);
      const args = earlier.map((name) => `"\${{ steps.${name}.status }}"`).join(', ');
      return `  - {name: s${i}, process: {command: r, args: [${args}]}, depends_on: [${earlier.join(', ')}]}`;
    });
    expect(parseChecked(`${header}${dense.join('\n')}`).ok).toBe(true);
    parseChecked(`${header}  - name: a\n    process: {command: r}\n    when: "${'not '.repeat(1_000)}true"`);
  });
});

describe('expressions never throw', () => {
  it('parsing and evaluating arbitrary text', () => {
    const context = {
      params: { a: 1, b: 'x' },
      steps: { s: { status: 'succeeded', outputs: { o: { p: 2 } } } },
    };
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const parsed = parseExpression(text);
        if (parsed.ok) evaluateExpression(parsed.value, context);
      }),
      { numRuns: 500 },
    );
  });

  it('parsing cron schedules', () => {
    const field = fc.constantFrom(
      '*',
      '*/5',
      '0',
      '59',
      '1-5',
      '5/10',
      'MON',
      'jan-mar',
      '?',
      '',
      '60',
      '1,2,3',
      '7',
      '-1',
    );
    fc.assert(
      fc.property(
        fc.array(field, { maxLength: 7 }).map((fields) => fields.join(' ')),
        (text) => void parseCron(text),
      ),
      { numRuns: 300 },
    );
  });
});
