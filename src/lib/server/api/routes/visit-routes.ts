import { Hono } from 'hono';
import type { AuthEnv } from '../middleware/env.ts';

/** Visit routes: planning, assignment, "my routes" (issue 5). */
export const visitRoutesApi = new Hono<AuthEnv>();
