// The demo's made-up world: customers described by tenure and monthly charges, who churn more
// often when they are new and pay a lot. The "shift" is a marketing campaign bringing in new,
// expensive customers: both features move, and so does the churn rate.

// Sorted by name: the built-in trainer orders a retrained model's inputs that way, and the
// gateway passes the tensor's columns to whichever version serves, in order.
export const FEATURE_NAMES = ['monthly_charges', 'tenure_months'] as const;

export interface Customer {
  features: [charges: number, tenure: number];
  churned: boolean;
}

export type Population = 'steady' | 'shifted';

const POPULATIONS: Record<Population, { tenure: [mean: number, std: number]; charges: [mean: number, std: number] }> = {
  steady: { tenure: [30, 10], charges: [70, 12] },
  shifted: { tenure: [8, 4], charges: [100, 12] },
};

/** The true churn odds, which the demo's first model only approximates. */
function churnProbability(tenure: number, charges: number): number {
  return 1 / (1 + Math.exp(-(1.5 - 0.1 * tenure + 0.04 * (charges - 70))));
}

/**
 * Version 1 of the demo model, as if fitted on steady traffic: the true odds. Its retrained
 * successor predicts much like it, so the canary passes monitoring's prediction-distance guardrail.
 */
export const FIRST_MODEL = { featureNames: [...FEATURE_NAMES], weights: [0.04, -0.1], bias: 1.5 - 0.04 * 70 };

/** A seeded stream of customers (mulberry32 and Box-Muller), reproducible run to run. */
export class CustomerStream {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(population: Population): Customer {
    const { tenure, charges } = POPULATIONS[population];
    const tenureMonths = Math.max(0, tenure[0] + tenure[1] * this.gaussian());
    const monthlyCharges = Math.max(10, charges[0] + charges[1] * this.gaussian());
    return {
      features: [round(monthlyCharges), round(tenureMonths)],
      churned: this.uniform() < churnProbability(tenureMonths, monthlyCharges),
    };
  }

  private uniform(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), this.state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  private gaussian(): number {
    return Math.sqrt(-2 * Math.log(1 - this.uniform())) * Math.cos(2 * Math.PI * this.uniform());
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
