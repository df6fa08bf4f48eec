import type { ApprovalPolicy } from '@flywheel/access';
import { assertAlias } from './names';
import { parseStage } from './stages';

/** A policy as stored: aliases checked like aliases, stages spelled as MLflow spells them, no repeats. */
export function normalizeApprovalPolicy(policy: ApprovalPolicy, field = 'policy'): ApprovalPolicy {
  const aliases = policy.aliases.map((alias, i) => assertAlias(alias, `${field}.aliases[${i}]`));
  const stages = policy.stages.map((stage, i) => parseStage(stage, `${field}.stages[${i}]`));
  return { aliases: [...new Set(aliases)].sort(), stages: [...new Set(stages)].sort() };
}
