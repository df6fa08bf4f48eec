import type { Pipeline, Trigger } from '../pipeline';

/** An event as triggers see it: its type and flat string attributes (model name, ...). */
export interface TriggerEvent {
  readonly type: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export type EventTrigger = Trigger & { readonly kind: 'event' };

/** The pipeline's event triggers that `event` fires: same type, every filter attribute equal. */
export function eventTriggersFor(pipeline: Pipeline, event: TriggerEvent): EventTrigger[] {
  return pipeline.triggers.filter(
    (trigger): trigger is EventTrigger =>
      trigger.kind === 'event' &&
      trigger.event === event.type &&
      Object.entries(trigger.filter).every(
        ([key, value]) => Object.hasOwn(event.attributes, key) && event.attributes[key] === value,
      ),
  );
}
