import { Hono } from 'hono';
import type { AuthEnv } from '../middleware/env.ts';

/** Households of a commune, scoped (issue 5). */
export const householdsApi = new Hono<AuthEnv>();
