/**
 * The first paint's own script: the inline script after the canvas (first-paint-snapshot.js)
 * loads it, async, when it has no picture of the last visit to show, so that the tiles are
 * fetched, decoded and drawn before the page's code has loaded.
 */
import { startEarlyPaint } from './first-paint-early.ts';

startEarlyPaint();
