import { AUTH_DISABLED_PRINCIPAL, type Principal, principalKey } from '@flywheel/access';
import { RegistryError } from './registry-error';
import type { PromotionTarget } from './views';

export function describeTarget(target: PromotionTarget): string {
  return target.kind === 'alias' ? `alias '${target.alias}'` : `stage '${target.stage}'`;
}

/** The refusal of a direct alias/stage change that the model's policy puts under the two-person rule. */
export function approvalRequiredError(model: string, version: number, target: PromotionTarget): RegistryError {
  return new RegistryError(
    'approval_required',
    `Promoting version ${version} of registered model '${model}' to ${describeTarget(target)} requires approval by a second principal (the model's approval policy). ` +
      'Request it with gRPC flywheel.registry.v1.RegistryService/RequestPromotion; a different principal holding approvals.grant (role deployer or admin) then approves it with ApprovePromotion.',
  );
}

/** Why the two-person rule cannot be met while every caller is the auth-disabled principal. */
export function authDisabledApprovalHint(approver: Principal): string {
  return principalKey(approver) === principalKey(AUTH_DISABLED_PRINCIPAL)
    ? ' Authentication is disabled, so every caller is the same principal and no second principal can approve: enable authentication, or clear the model\'s approval policy (SetApprovalPolicy, admins).'
    : '';
}
