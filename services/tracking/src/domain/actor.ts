import type { Principal } from '@flywheel/access';

/** Who asked for a change, and which request it was: what the audit log records. */
export interface Actor {
  principal: Principal;
  requestId: string;
}
