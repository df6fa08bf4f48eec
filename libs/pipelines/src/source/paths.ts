const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `steps[2]` + `retry` → `steps[2].retry`; odd keys are quoted: `env["A B"]`. */
export function childPath(path: string, key: string): string {
  if (!SIMPLE_KEY.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

export function itemPath(path: string, index: number): string {
  return `${path}[${index}]`;
}
