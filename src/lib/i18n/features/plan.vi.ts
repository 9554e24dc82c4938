/** Vietnamese text for the plan feature; merged into the catalogue in ../vi.ts. */
export const planVi = {} as const;
