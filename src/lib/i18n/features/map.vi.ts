/** Vietnamese text for the map feature; merged into the catalogue in ../vi.ts. */
export const mapVi = {} as const;
