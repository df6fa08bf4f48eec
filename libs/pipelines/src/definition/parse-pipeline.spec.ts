import { dedent } from '../../test/dedent';
import { parsePipeline } from './parse-pipeline';

/** Each problem as [line, column, path, message]. */
function problems(yaml: string): Array<[number, number, string, string]> {
  const result = parsePipeline(dedent(yaml));
  if (result.ok) throw new Error('expected the definition to be rejected');
  return result.errors.map((error) => [error.line, error.column, error.path, error.message]);
}

/** Lines 1-3 of every case; steps start on line 4. */
const HEADER = `
      apiVersion: flywheel/v1
      kind: Pipeline
      name: demo`;

const at = (
  line: number,
  column: number,
  path: string,
  message: string,
): [number, number, string, string] => [line, column, path, expect.stringContaining(message)];

describe('parsePipeline validation', () => {
  it.each<[string, string, Array<[number, number, string, string]>]>([
    [
      'YAML syntax errors, and stops there',
      `${HEADER}
      steps:
        - name: a
         uses: train`,
      [at(6, 1, '', 'YAML: ')],
    ],
    [
      'duplicate YAML keys',
      `${HEADER}
      name: again
      steps: []`,
      [at(4, 1, '', 'YAML: Map keys must be unique')],
    ],
    ['an empty document', '# nothing here', [at(1, 1, '', 'the definition is empty')]],
    [
      'input values that are not finite numbers (they have no JSON form)',
      `${HEADER}
      steps:
        - name: canary
          uses: deploy-canary
          with:
            model_name: churn
            version: 1
            traffic_steps: [1e3095, .inf, -.inf, .nan, 25]`,
      [
        at(10, 23, 'steps[0].with.traffic_steps[0]', 'must be a finite number, got 1e3095'),
        at(10, 31, 'steps[0].with.traffic_steps[1]', 'must be a finite number, got .inf'),
        at(10, 37, 'steps[0].with.traffic_steps[2]', 'must be a finite number, got -.inf'),
        at(10, 44, 'steps[0].with.traffic_steps[3]', 'must be a finite number, got .nan'),
      ],
    ],
    [
      'a document that is not a mapping',
      '- a\n- b',
      [at(1, 1, '', 'the definition must be a mapping, got a list')],
    ],
    [
      'missing required keys',
      'description: hi',
      [
        at(1, 1, '', "missing the required key 'apiVersion'"),
        at(1, 1, '', "missing the required key 'kind'"),
        at(1, 1, '', "missing the required key 'name'"),
        at(1, 1, '', "missing the required key 'steps'"),
      ],
    ],
    [
      'wrong apiVersion and kind, an invalid name, an unknown key',
      `
      apiVersion: flywheel/v2
      kind: Workflow
      name: Demo_Pipeline
      step: []`,
      [
        at(1, 13, 'apiVersion', "apiVersion must be 'flywheel/v1', got 'flywheel/v2'"),
        at(2, 7, 'kind', "kind must be 'Pipeline', got 'Workflow'"),
        at(3, 7, 'name', "name 'Demo_Pipeline' is not valid"),
        at(4, 1, 'step', "unknown key 'step' at the top level (did you mean 'steps'?)"),
        at(1, 1, '', "missing the required key 'steps'"),
      ].sort((a, b) => a[0] - b[0] || a[1] - b[1]),
    ],
    [
      'wrong types and values in a step',
      `${HEADER}
      steps:
        - name: a
          uses: train
          with: { dataset: d }
          cache: "yes"
          timeout: 30
          retry: { limit: 1.5, factor: 0.5, backoff: 1m, max_backoff: 30s, jitter: 2 }
          depend_on: [b]`,
      [
        at(8, 12, 'steps[0].cache', 'steps[0].cache must be true or false, got the string'),
        at(
          9,
          14,
          'steps[0].timeout',
          "must be a duration such as 30s, 5m or 1h30m (units ms, s, m, h, d; at most 365d), got '30'",
        ),
        at(10, 21, 'steps[0].retry.limit', 'must be an integer from 0 to 100, got 1.5'),
        at(10, 34, 'steps[0].retry.factor', 'must be a number from 1 to 10, got 0.5'),
        at(
          10,
          65,
          'steps[0].retry.max_backoff',
          'steps[0].retry.max_backoff (30s) must not be shorter than backoff (1m)',
        ),
        at(10, 78, 'steps[0].retry.jitter', 'must be a number from 0 to 1, got 2'),
        at(11, 5, 'steps[0].depend_on', "unknown key 'depend_on' in steps[0] (did you mean 'depends_on'?)"),
      ],
    ],
    [
      'duplicate step names, unknown and repeated dependencies',
      `${HEADER}
      steps:
        - name: train
          uses: train
          with: { dataset: d }
        - name: train
          uses: train
          with: { dataset: d }
          depends_on: [trian, trian]`,
      [
        at(8, 11, 'steps[1].name', "duplicate step name 'train'; steps[0] already uses it"),
        at(11, 18, 'steps[1].depends_on[0]', "unknown step 'trian' in depends_on (did you mean 'train'?)"),
        at(11, 25, 'steps[1].depends_on[1]', "dependency 'trian' is listed twice in steps[1].depends_on"),
      ],
    ],
    [
      'dependency cycles, naming the path, and a step depending on itself',
      `${HEADER}
      steps:
        - name: a
          process: { command: run }
          depends_on: [c]
        - name: b
          process: { command: run }
          depends_on: [a]
        - name: c
          process: { command: run }
          depends_on: b
        - name: d
          process: { command: run }
          depends_on: [d]`,
      [
        at(
          7,
          18,
          'steps[0].depends_on[0]',
          'dependency cycle: a -> c -> b -> a (each step depends on the next)',
        ),
        at(16, 18, 'steps[3].depends_on[0]', 'dependency cycle: d -> d'),
      ],
    ],
    [
      'references to steps that are not upstream, unknown outputs, parameters and self',
      `${HEADER}
      params:
        min_auc: 0.8
      steps:
        - name: train
          uses: train
          with: { dataset: "\${{ steps.evaluate.outputs.report_uri }}" }
        - name: evaluate
          uses: evaluate
          depends_on: [train]
          when: steps.evaluate.status == 'running' or params.min_acu > 1
          with:
            model_uri: \${{ steps.train.outputs.model }}
            dataset: x-\${{ steps.ghost.outputs.y }}`,
      [
        at(
          9,
          27,
          'steps[0].with.dataset',
          "steps.evaluate.outputs.report_uri: step 'evaluate' is not upstream of 'train'; add it to depends_on",
        ),
        at(13, 11, 'steps[1].when', 'steps.evaluate.status: a step cannot reference itself'),
        at(13, 49, 'steps[1].when', "params.min_acu: unknown parameter 'min_acu' (did you mean 'min_auc'?)"),
        at(
          15,
          22,
          'steps[1].with.model_uri',
          "steps.train.outputs.model: step 'train' has no output 'model'; its outputs: run_id, model_uri",
        ),
        at(16, 22, 'steps[1].with.dataset', "steps.ghost.outputs.y: unknown step 'ghost'"),
      ],
    ],
    [
      'bad expressions, pointing into the string',
      `${HEADER}
      params:
        min_auc: 0.8
      steps:
        - name: a
          process:
            command: run
            args: ["--x=\${{ params.min_auc >= }}", '\${{ params.min_auc']
          when: params.min_auc > 0.5 && true
        - name: b
          process: { command: run }
          when: "\${{ params.min_auc > 'x' }}"`,
      [
        at(
          10,
          41,
          'steps[0].process.args[0]',
          'invalid expression in steps[0].process.args[0]: expected a value, got the end of the expression',
        ),
        at(
          10,
          47,
          'steps[0].process.args[1]',
          "invalid expression in steps[0].process.args[1]: '${{' is not closed by '}}'",
        ),
        at(11, 32, 'steps[0].when', "invalid expression in steps[0].when: use 'and' instead of '&&'"),
        at(
          14,
          16,
          'steps[1].when',
          "'>' needs two numbers or two strings, but compares a number with a string",
        ),
      ],
    ],
    [
      'invalid cron schedules, event types and trigger parameters',
      `${HEADER}
      params:
        min_auc: 0.8
      triggers:
        - schedule: "0 3 * * MON-FRX"
        - event: Retrain Requested
        - event: retrain-requested
          schedule: "@daily"
          params: { min_auc: high, max_auc: 1 }
        - {}
      steps:
        - name: a
          process: { command: run }`,
      [
        at(
          7,
          28,
          'triggers[0].schedule',
          "invalid cron schedule '0 3 * * MON-FRX': 'FRX' is not a valid day of week",
        ),
        at(8, 12, 'triggers[1].event', "triggers[1].event 'Retrain Requested' is not valid"),
        at(10, 5, 'triggers[2]', 'triggers[2] needs exactly one of event or schedule'),
        at(
          11,
          24,
          'triggers[2].params.min_auc',
          'triggers[2].params.min_auc must be a number, got string "high"',
        ),
        at(
          11,
          30,
          'triggers[2].params.max_auc',
          "unknown parameter 'max_auc' (did you mean 'min_auc'?); declared parameters: min_auc",
        ),
        at(12, 5, 'triggers[3]', 'triggers[3] needs exactly one of event or schedule'),
      ],
    ],
    [
      'parameters without a usable type or default',
      `${HEADER}
      params:
        dataset:
        min-auc: { type: number, default: "0.8" }
        3rd: 1
        flag: { description: no type }
        level: { type: integer }
      steps:
        - name: a
          process: { command: run }`,
      [
        at(5, 11, 'params.dataset', 'params.dataset needs a default value or a mapping with a type'),
        at(6, 37, 'params.min-auc.default', 'params.min-auc.default must be a number, got string "0.8"'),
        at(7, 3, 'params["3rd"]', "parameter name '3rd' is not valid"),
        at(8, 9, 'params.flag', 'params.flag needs a type or a default'),
        at(
          9,
          18,
          'params.level.type',
          "params.level.type must be one of string, number, boolean, got 'integer'",
        ),
      ],
    ],
    [
      'built-in steps: unknown names, missing and unknown inputs, with on a process',
      `${HEADER}
      steps:
        - name: a
          uses: trian
        - name: b
          uses: evaluate
          with: { model_uri: m, gate: g }
        - name: c
          uses: register
        - name: d
          process: { command: run }
          with: { x: 1 }
        - name: e
          uses: promote
          kubernetes: { image: busybox }`,
      [
        at(6, 11, 'steps[0].uses', "unknown built-in step 'trian' (did you mean 'train'?)"),
        at(9, 11, 'steps[1].with', "built-in step 'evaluate' needs with.dataset"),
        at(9, 27, 'steps[1].with.gate', "unknown key 'gate' in steps[1].with (did you mean 'gates'?)"),
        at(11, 11, 'steps[2].uses', "built-in step 'register' needs with.model_name, with.model_uri"),
        at(
          14,
          5,
          'steps[3].with',
          "'with' gives inputs to built-in steps (uses); pass values to process through args and env",
        ),
        at(17, 5, 'steps[4].kubernetes', 'steps[4] has uses and kubernetes; a step does exactly one of them'),
      ],
    ],
    [
      'process and kubernetes tasks: fixed commands and images, names and quantities',
      `${HEADER}
      params:
        image: busybox
      steps:
        - name: a
          process:
            command: "\${{ params.image }}"
            env: { 1BAD: x, GOOD: 1 }
        - name: b
          kubernetes:
            image: \${{ params.image }}
            command: [sh, "\${{ params.image }}"]
            resources: { cpu: 2 cores, memory: 4GB, gpu: -1 }`,
      [
        at(
          9,
          16,
          'steps[0].process.command',
          'steps[0].process.command cannot use ${{ }}: what runs is fixed when an admin registers the definition',
        ),
        at(10, 14, 'steps[0].process.env["1BAD"]', "environment variable name '1BAD' is not valid"),
        at(13, 14, 'steps[1].kubernetes.image', 'cannot use ${{ }}'),
        at(14, 21, 'steps[1].kubernetes.command[1]', 'cannot use ${{ }}'),
        at(
          15,
          25,
          'steps[1].kubernetes.resources.cpu',
          "'2 cores' is not valid: use a Kubernetes CPU quantity",
        ),
        at(
          15,
          42,
          'steps[1].kubernetes.resources.memory',
          "'4GB' is not valid: use a Kubernetes memory quantity",
        ),
        at(15, 52, 'steps[1].kubernetes.resources.gpu', 'must be an integer from 0 to 64, got -1'),
      ],
    ],
    [
      'the exit handler: no depends_on, a distinct name, and nothing depends on it',
      `${HEADER}
      steps:
        - name: a
          process: { command: run }
          depends_on: [cleanup]
      on_exit:
        name: a
        process: { command: notify }
        depends_on: [a]`,
      [
        at(7, 18, 'steps[0].depends_on[0]', "unknown step 'cleanup' in depends_on"),
        at(9, 9, 'on_exit.name', "the exit handler's name 'a' is already used by steps[0]"),
        at(11, 3, 'on_exit.depends_on', 'the exit handler runs after every step; it takes no depends_on'),
      ],
    ],
    [
      'aliases, since they could expand without bound',
      `${HEADER}
      steps:
        - &step
          name: a
          process: { command: run }
        - *step`,
      [at(8, 5, 'steps[1]', 'aliases (*step) are not supported')],
    ],
    [
      'an empty step list and an unknown concurrency policy',
      `${HEADER}
      concurrency: queue
      steps: []`,
      [
        at(4, 14, 'concurrency', 'concurrency must be one of allow, forbid, replace'),
        at(5, 8, 'steps', 'steps must list at least one step'),
      ],
    ],
  ])('reports %s', (_name, yaml, expected) => {
    expect(problems(yaml)).toEqual(expected);
  });

  it('reports a step with no task, and a task of the wrong shape', () => {
    expect(
      problems(`${HEADER}
      steps:
        - name: a
        - name: b
          process: run
        - name: c
          retry: often
          kubernetes: {}`),
    ).toEqual([
      at(5, 5, 'steps[0]', 'steps[0] needs one of uses, process, kubernetes'),
      at(7, 14, 'steps[1].process', 'steps[1].process must be a mapping, got the string'),
      at(9, 12, 'steps[2].retry', 'must be a number of retries or a mapping'),
      at(10, 17, 'steps[2].kubernetes', "steps[2].kubernetes is missing the required key 'image'"),
    ]);
  });
});

describe('parsePipeline', () => {
  it('checks references against the outputs a process step declares', () => {
    const result = parsePipeline(
      dedent(`${HEADER}
      defaults:
        retry: 2
        timeout: 10m
      steps:
        - name: a
          process: { command: run, args: [--epochs, 10, true] }
        - name: b
          uses: train
          depends_on: a
          retry: { backoff: 5s }
          with: { dataset: "\${{ steps.a.outputs.uri }}", hyperparameters: { depth: 3 } }
          outputs: [uri, uri2]
      on_exit:
        name: notify
        process: { command: notify }`),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          line: 14,
          column: 27,
          message: expect.stringContaining("step 'a' has no output 'uri'"),
        }),
      ],
    });
  });

  it('accepts a complete definition', () => {
    const result = parsePipeline(
      dedent(`${HEADER}
      defaults:
        retry: 2
        timeout: 10m
      steps:
        - name: a
          process: { command: run, args: [--epochs, 10, true] }
          outputs: [uri]
        - name: b
          uses: train
          depends_on: a
          retry: { backoff: 5s }
          cache: true
          with: { dataset: "\${{ steps.a.outputs.uri }}", hyperparameters: { depth: 3 } }`),
    );
    expect(result).toEqual({
      ok: true,
      pipeline: {
        apiVersion: 'flywheel/v1',
        name: 'demo',
        params: [],
        concurrency: 'allow',
        triggers: [],
        steps: [
          {
            name: 'a',
            task: { kind: 'process', command: 'run', args: ['--epochs', '10', 'true'], env: {} },
            dependsOn: [],
            retry: { limit: 2, backoffMs: 10_000, factor: 2, maxBackoffMs: 600_000, jitter: 0 },
            timeoutMs: 600_000,
            cache: false,
            outputs: ['uri'],
          },
          {
            name: 'b',
            task: {
              kind: 'builtin',
              uses: 'train',
              with: { dataset: '${{ steps.a.outputs.uri }}', hyperparameters: { depth: 3 } },
            },
            dependsOn: ['a'],
            retry: { limit: 2, backoffMs: 5_000, factor: 2, maxBackoffMs: 600_000, jitter: 0 },
            timeoutMs: 600_000,
            cache: true,
            outputs: ['run_id', 'model_uri'],
          },
        ],
      },
    });
  });

  it('rejects input that is not text or is too long, without throwing', () => {
    expect(parsePipeline(undefined as unknown as string)).toMatchObject({
      ok: false,
      errors: [{ line: 1, column: 1 }],
    });
    expect(parsePipeline('#'.repeat(1_048_577))).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('longer than') }],
    });
  });
});
