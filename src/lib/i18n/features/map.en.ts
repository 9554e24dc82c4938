import type { mapVi } from './map.vi.ts';

/** English text for the map feature; keys mirror map.vi.ts. */
export const mapEn: Record<keyof typeof mapVi, string> = {};
