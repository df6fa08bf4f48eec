import { requiredRole, roleMayPerform } from './permissions';
import { type Principal, principalKey } from './principal';

/** Which promotions need a second principal's approval. Stage names compare case-insensitively. */
export interface ApprovalPolicy {
  aliases: readonly string[];
  stages: readonly string[];
}

/** The default when the two-person rule is on: promotion to champion or Production. */
export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = Object.freeze({
  aliases: ['champion'],
  stages: ['Production'],
});

/** A policy that never requires approval (the rule switched off). */
export const NO_APPROVAL_POLICY: ApprovalPolicy = Object.freeze({ aliases: [], stages: [] });

export type PromotionTransition = { kind: 'alias'; alias: string } | { kind: 'stage'; stage: string };

export function approvalRequired(policy: ApprovalPolicy, transition: PromotionTransition): boolean {
  switch (transition.kind) {
    case 'alias':
      return policy.aliases.includes(transition.alias);
    case 'stage': {
      const stage = transition.stage.toLowerCase();
      return policy.stages.some((candidate) => candidate.toLowerCase() === stage);
    }
  }
}

export type ApprovalCheck =
  { ok: true } | { ok: false; reason: 'self_approval' | 'approver_role'; message: string };

/** The two-person rule: the approver is someone else, and may grant approvals. */
export function checkApproval({
  requestedBy,
  approvedBy,
}: {
  requestedBy: Principal;
  approvedBy: Principal;
}): ApprovalCheck {
  if (principalKey(requestedBy) === principalKey(approvedBy)) {
    return {
      ok: false,
      reason: 'self_approval',
      message: `${approvedBy.name} cannot approve their own promotion request`,
    };
  }
  if (!roleMayPerform(approvedBy.role, 'approvals.grant')) {
    return {
      ok: false,
      reason: 'approver_role',
      message: `${approvedBy.name} has role ${approvedBy.role}; approving needs ${requiredRole('approvals.grant')}`,
    };
  }
  return { ok: true };
}
