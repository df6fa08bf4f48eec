/** A definition with one `process` step running `node -e <script> <args...>`; values are JSON-quoted (valid YAML). */
export function nodeStepPipeline(
  name: string,
  script: string,
  options: { args?: string[]; params?: string; timeout?: string; retry?: string; concurrency?: string } = {},
): string {
  const args = ['-e', script, ...(options.args ?? [])].map((arg) => JSON.stringify(arg)).join(', ');
  return [
    'apiVersion: flywheel/v1',
    'kind: Pipeline',
    `name: ${name}`,
    options.params ?? 'params: {}',
    ...(options.concurrency ? [`concurrency: ${options.concurrency}`] : []),
    'steps:',
    '  - name: work',
    `    process: { command: ${JSON.stringify(process.execPath)}, args: [${args}] }`,
    ...(options.timeout ? [`    timeout: ${options.timeout}`] : []),
    ...(options.retry ? [`    retry: ${options.retry}`] : []),
    '',
  ].join('\n');
}
