/**
 * The first paint's own script, run right after the canvas is parsed (FirstPaint.svelte renders
 * `<script async>` with it), before the page's code has loaded.
 */
import { startEarlyPaint } from './first-paint-early.ts';

startEarlyPaint();
