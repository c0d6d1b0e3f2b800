/**
 * A small eased tween on d3's timer: `onFrame` gets the eased progress 0..1 on every animation
 * frame, ending exactly at 1. It returns a stop function for effect cleanups. The widgets use it
 * instead of d3-transition, which would add about 14 KB of gzipped JS to every page for the one
 * attribute tween each of them needs.
 */
import { easeCubicInOut, timer } from 'd3';

export function tween(durationMs: number, onFrame: (progress: number) => void, delayMs = 0): () => void {
  const animation = timer((elapsed) => {
    const progress = Math.min(1, elapsed / durationMs);
    onFrame(easeCubicInOut(progress));
    if (progress === 1) animation.stop();
  }, delayMs);
  return () => animation.stop();
}
