import { parseDuration } from '@flywheel/pipelines';

/** A model's labelled traffic over [fromMs, toMs): inference logs joined with feedback labels. */
export interface DataWindow {
  modelName: string;
  fromMs: number;
  toMs: number;
}

const MODEL = '[a-zA-Z0-9][a-zA-Z0-9._-]*';
const RELATIVE = new RegExp(`^window:(${MODEL})/last=([0-9a-z]+)$`);
const ABSOLUTE = new RegExp(`^window:(${MODEL})/(\\d+)-(\\d+)$`);

/**
 * Reads a dataset reference: `window:<model>/last=<duration>` (the duration up to `nowMs`) or
 * `window:<model>/<from ms>-<to ms>`. Throws naming what is wrong.
 */
export function parseDataWindow(text: string, nowMs: number): DataWindow {
  const relative = RELATIVE.exec(text);
  if (relative) {
    const span = parseDuration(relative[2]!);
    if (span === undefined) throw new Error(`dataset ${text}: ${relative[2]} is not a duration such as 7d`);
    return { modelName: relative[1]!, fromMs: nowMs - span, toMs: nowMs };
  }
  const absolute = ABSOLUTE.exec(text);
  if (absolute) {
    const window = { modelName: absolute[1]!, fromMs: Number(absolute[2]), toMs: Number(absolute[3]) };
    if (window.fromMs >= window.toMs) throw new Error(`dataset ${text}: the window must end after it starts`);
    return window;
  }
  throw new Error(
    `dataset ${JSON.stringify(text)} must look like window:<model>/last=7d or window:<model>/<from ms>-<to ms>`,
  );
}

/** The absolute form, stable across attempts and usable as a cache key. */
export const formatDataWindow = (window: DataWindow): string =>
  `window:${window.modelName}/${window.fromMs}-${window.toMs}`;
