/** Vietnamese text for the field feature; merged into the catalogue in ../vi.ts. */
export const fieldVi = {} as const;
