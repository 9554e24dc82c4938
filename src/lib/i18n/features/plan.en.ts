import type { planVi } from './plan.vi.ts';

/** English text for the plan feature; keys mirror plan.vi.ts. */
export const planEn: Record<keyof typeof planVi, string> = {};
