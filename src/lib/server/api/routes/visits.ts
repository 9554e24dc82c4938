import { Hono } from 'hono';
import type { AuthEnv } from '../middleware/env.ts';

/** Visits recorded in the field and synced from the device outbox (issue 6). */
export const visitsApi = new Hono<AuthEnv>();
