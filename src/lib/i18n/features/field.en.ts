import type { fieldVi } from './field.vi.ts';

/** English text for the field feature; keys mirror field.vi.ts. */
export const fieldEn: Record<keyof typeof fieldVi, string> = {};
