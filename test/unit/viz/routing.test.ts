import { describe, expect, test } from 'vitest';
import { channelBetween, cornerRadius, laneThrough, roundedPath, routeAcross, simplify } from '../../../src/viz/routing.ts';

describe('routing', () => {
  test('simplify keeps only the corners', () => {
    expect(simplify([[0, 0], [0, 0], [5, 0], [10, 0], [10, 5], [10, 20]])).toEqual([[0, 0], [10, 0], [10, 20]]);
  });

  test('roundedPath rounds each corner with a quadratic, never more than half a run', () => {
    expect(roundedPath([[0, 0], [10, 0], [10, 20], [30, 20]])).toBe('M0,0L5,0Q10,0,10,5L10,15Q10,20,15,20L30,20');
    // A 4-unit step: radius 2.
    expect(roundedPath([[0, 0], [10, 0], [10, 4], [30, 4]])).toBe('M0,0L8,0Q10,0,10,2L10,2Q10,4,12,4L30,4');
    expect(roundedPath([[0, 0], [30, 0]])).toBe('M0,0L30,0');
  });

  test('a track off the middle of a channel turns tighter, so its corners stay out of the cards', () => {
    expect(cornerRadius(0)).toBe(5);
    expect(cornerRadius(-3.5)).toBe(3.5);
  });

  const cards = [
    { x: 0, y: 50, w: 100, h: 40 },
    { x: 0, y: 98, w: 100, h: 40 },
  ];

  test('laneThrough keeps the height when it is clear, else takes a gap between cards or the space under them', () => {
    expect(laneThrough(cards, 200, 0, 8)).toBe(200);
    expect(laneThrough([], 60, 0, 8)).toBe(60);
    // Blocked by the first card, heading up: the gap between the cards (never the header above them).
    expect(laneThrough(cards, 60, 0, 8)).toBe(94);
    // Blocked by the second, heading down: under the last card.
    expect(laneThrough(cards, 120, 300, 8)).toBe(146);
  });

  test('routeAcross turns only in the channels between frames', () => {
    const frames = [
      { x: 0, y: 0, w: 100, h: 300 },
      { x: 110, y: 0, w: 100, h: 300 },
      { x: 220, y: 0, w: 100, h: 300 },
    ];
    expect(channelBetween(frames[0]!, frames[1]!)).toBe(105);
    const middle = [{ x: 112, y: 50, w: 96, h: 40 }];
    const route = routeAcross([98, 70], [222, 20], frames, (f) => (f === frames[1] ? middle : []), 8);
    expect(route).toEqual([[98, 70], [105, 70], [105, 98], [215, 98], [215, 20], [222, 20]]);
    // Nothing in the way: straight on, one turn in the last channel, on its track (2 off the middle).
    expect(routeAcross([98, 70], [222, 20], frames, () => [], 8, 2)).toEqual([[98, 70], [217, 70], [217, 20], [222, 20]]);
  });
});
