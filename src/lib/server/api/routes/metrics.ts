import { Hono } from 'hono';
import type { AuthEnv } from '../middleware/env.ts';

/** Public metrics for the map (issue 3): compact, cacheable, ETag'd. */
export const metricsApi = new Hono<AuthEnv>();
