import type { NameRule } from './source-reader';

export const PIPELINE_NAME: NameRule = {
  pattern: /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
  description:
    'use lowercase letters, digits and hyphens (at most 63), starting and ending with a letter or digit',
};

export const STEP_NAME: NameRule = {
  pattern: /^[a-z][a-z0-9_-]{0,62}$/,
  description: 'use lowercase letters, digits, _ and - (at most 63), starting with a letter',
};

/** Parameter names and output keys: anything an expression can spell after a dot. */
export const IDENTIFIER: NameRule = {
  pattern: /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/,
  description: 'use letters, digits, _ and -, starting with a letter or _',
};

export const ENV_NAME: NameRule = {
  pattern: /^[A-Za-z_][A-Za-z0-9_]*$/,
  description: 'use letters, digits and _, not starting with a digit',
};

export const EVENT_TYPE: NameRule = {
  pattern: /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/,
  description: 'use lowercase words joined by ., _ or -, such as retrain-requested',
};
