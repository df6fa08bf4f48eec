/** A location inside the config file: object keys and array indexes, outermost first. */
export type ConfigPath = readonly PropertyKey[];

/** `metrics.auc_roc.min`, `slices[1].metric`; the root is the empty string. */
export function formatPath(path: ConfigPath): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}
