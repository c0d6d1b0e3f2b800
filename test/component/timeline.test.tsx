/** The point-in-time timeline, driven through its slider and buttons on an injected simulator actor (happy-dom). */
import { readFileSync } from 'node:fs';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { parse } from 'yaml';
import { afterEach, describe, expect, test } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { simulatorMachine } from '../../src/sim/actor/index.ts';
import type { SimulatorActor } from '../../src/widgets/lab/actor.ts';
import { widgetSetup } from '../../src/widgets/concepts/shared/setup.ts';
import { TIMELINE_CLOCK_AT, TIMELINE_SCENARIO, TIMELINE_STORY, TIMELINE_VOLUME_NAME } from '../../src/widgets/concepts/timeline/script.ts';
import { momentsOf } from '../../src/widgets/concepts/timeline/moments.ts';
import { TimelineView } from '../../src/widgets/concepts/timeline/TimelineView.tsx';
import { estimateWidth } from '../../src/widgets/concepts/timeline/TimelineChart.tsx';

afterEach(cleanup);

const scenario = parse(readFileSync(`content/scenarios/${TIMELINE_SCENARIO}.yaml`, 'utf8')) as { script: string };
const setup = widgetSetup({ setup: scenario.script, clockAt: TIMELINE_CLOCK_AT, story: TIMELINE_STORY });

function startActor(): SimulatorActor {
  if (!setup.ok) throw new Error(setup.error);
  return createActor(simulatorMachine, {
    input: { scenarioId: TIMELINE_SCENARIO, scenarioCalls: setup.setupCalls, initialLog: setup.storyCalls, paused: true },
    clock: new SimulatedClock(),
  }).start();
}

const slider = () => screen.getByRole('slider') as HTMLInputElement;
const explanation = () => screen.getByRole('group', { name: 'What just happened' }).querySelector('.cw-narration__explain')?.textContent ?? '';
const twinRows = () => within(screen.getByRole('table', { name: /Moments of web-data/ })).getAllByRole('row').slice(1);
const snapshotsPanel = () => screen.getByRole('region', { name: /^Snapshots at / });
const volumePanel = () => screen.getByRole('region', { name: /^web-data at / });
const moveTo = (step: number) => act(() => fireEvent.change(slider(), { target: { value: String(step) } }));
const click = (name: string) => act(() => fireEvent.click(screen.getByRole('button', { name })));

describe('Point-in-time timeline', () => {
  test("the lesson's morning: the text twin lists every moment, and photo.jpg, written while the snapshot is pending, is not in it", () => {
    render(<TimelineView actor={startActor()} volumeName={TIMELINE_VOLUME_NAME} />);
    const rows = twinRows().map((r) => r.textContent);
    expect(rows).toHaveLength(9);
    expect(rows[0]).toMatch(/^09:00:00the starting point/);
    expect(rows[1]).toMatch(/^09:00:00index\.html written/);
    expect(rows[3]).toMatch(/^09:20:00orders\.csv written/);
    expect(rows[5]).toMatch(/^09:30:00snapshot web-data-backup requested: its point in time/);
    expect(rows[5]).toMatch(/pending; holds index\.html and orders\.csv$/);
    expect(rows[7]).toMatch(/^09:30:20photo\.jpg written while web-data-backup is pending.*index\.html, orders\.csv and photo\.jpgpending; holds index\.html and orders\.csv; not photo\.jpg$/);
    // The model completes the snapshot at 09:30:35 (its CompleteAt), within the 40 s wait that ends at 09:31:00.
    expect(rows[8]).toMatch(/^09:31:00clock moved 40\u00a0s; snapshot web-data-backup completed at 09:30:35, during that wait.*completed at 09:30:35; holds index\.html and orders\.csv; not photo\.jpg$/);
    // It opens at the latest moment: the snapshot has completed, and still does not hold photo.jpg.
    expect(slider().value).toBe('8');
    expect(snapshotsPanel().textContent).toMatch(/web-data-backup \(completed at 09:30:35\), point in time 09:30:00\. Holds: index\.html and orders\.csv\./);
    expect(snapshotsPanel().textContent).toMatch(/Not in it: photo\.jpg \(written at 09:30:20, while the snapshot was still pending\)/);
    expect(volumePanel().textContent).toMatch(/photo\.jpg/);
  });

  test('scrubbing goes to any moment: files then, the snapshot then, and the narration says what is not in it', () => {
    render(<TimelineView actor={startActor()} volumeName={TIMELINE_VOLUME_NAME} />);
    moveTo(3);
    expect(volumePanel().textContent).toMatch(/web-data at 09:20:00/);
    expect(volumePanel().textContent).toMatch(/index\.html.*orders\.csv/);
    expect(snapshotsPanel().textContent).toMatch(/None requested yet/);
    expect(slider().getAttribute('aria-valuetext')).toBe('09:20:00, step 3 of 8: orders.csv written');
    expect(twinRows()[3]?.getAttribute('aria-current')).toBe('true');

    moveTo(7);
    expect(snapshotsPanel().textContent).toMatch(/web-data-backup \(pending\)/);
    expect(explanation()).toBe(
      '09:30:20, step 7 of 8: photo.jpg written while web-data-backup is pending. photo.jpg is on web-data but not in web-data-backup, although the snapshot is still pending.',
    );
    // The drawing's cursor follows the chosen moment (at its time on the axis, step 7's marker
    // highlighted), and the upload is drawn as a late write.
    const chip = document.querySelector('.cw-tl__chip--selected') as SVGGElement;
    expect(chip.getAttribute('data-step')).toBe('7');
    expect((document.querySelector('.cw-tl__cursor') as SVGLineElement).style.transform).toBe(`translateX(${chip.getAttribute('data-x')}px)`);
    expect(document.querySelector('.cw-tl__svg [data-snapshot-label="web-data-backup"]')?.textContent).toBe('requested 09:30:00 (its point in time), completed 09:30:35');
    expect(document.querySelectorAll('.cw-tl__write--late')).toHaveLength(1);
  });

  test('the axis is drawn by time: distinct tick labels, and steps at the same time share one tick in history order', () => {
    render(<TimelineView actor={startActor()} volumeName={TIMELINE_VOLUME_NAME} />);
    const ticks = [...document.querySelectorAll('.cw-tl__axis > g:not(.cw-tl__break) text')].map((t) => t.textContent);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks).toEqual(expect.arrayContaining(['09:00:00', '09:20:00', '09:30:00', '09:31:00']));
    const chips = [...document.querySelectorAll('.cw-tl__chip')].map((g) => ({ step: Number(g.getAttribute('data-step')), x: Number(g.getAttribute('data-x')), at: g.getAttribute('transform') ?? '' }));
    const chipX = (c: { at: string }) => Number(/translate\(([\d.]+)/.exec(c.at)?.[1]);
    // Steps 4 and 5 (09:30:00) share a time; their markers stand side by side in order.
    expect(chips[4]?.x).toBe(chips[5]?.x);
    expect(chipX(chips[4] as { at: string })).toBeLessThan(chipX(chips[5] as { at: string }));
    // By time: 20 s (09:30:00 to 09:30:20) is half of 40 s (09:30:20 to 09:31:00).
    const [t4, t6, t8] = [chips[4]?.x ?? 0, chips[6]?.x ?? 0, chips[8]?.x ?? 0];
    expect((t6 - t4) / (t8 - t6)).toBeCloseTo(0.5, 5);
    // The long idle stretches are drawn as marked breaks.
    expect([...document.querySelectorAll('.cw-tl__break text')].map((t) => t.textContent)).toEqual(['20 min', '10 min']);
  });

  test('a write made while a new snapshot is pending is not in it; waiting completes the snapshot without changing it', () => {
    const actor = startActor();
    render(<TimelineView actor={actor} volumeName={TIMELINE_VOLUME_NAME} />);
    click('Take snapshot');
    expect(explanation()).toMatch(/: snapshot web-data-backup-2 requested, pending\. It holds exactly the files web-data has now \(3 files\)/);
    act(() => fireEvent.change(screen.getByRole('textbox', { name: 'File name' }), { target: { value: 'late-order.csv' } }));
    click('Write file');
    expect(explanation()).toMatch(/wrote late-order\.csv while web-data-backup-2 is pending\. The volume has it; the snapshot does not/);
    click('Wait 1 min');
    expect(explanation()).toMatch(/waited 60 s\. web-data-backup-2 completed at 09:31:25; its content did not change\./);
    const backup2 = [...snapshotsPanel().querySelectorAll('[data-snapshot="web-data-backup-2"]')][0]?.textContent ?? '';
    expect(backup2).toMatch(/\(completed at 09:31:25\).*Holds: index\.html, orders\.csv and photo\.jpg\./);
    expect(backup2).toMatch(/Not in it: late-order\.csv \(written at 09:31:00, while the snapshot was still pending\)/);
    expect(slider().max).toBe('11');
  });

  test('after a second snapshot: the names column fits its longest name, and the two "not in" labels do not touch', () => {
    const actor = startActor();
    render(<TimelineView actor={actor} volumeName={TIMELINE_VOLUME_NAME} />);
    click('Take snapshot');
    act(() => fireEvent.change(screen.getByRole('textbox', { name: 'File name' }), { target: { value: 'refund.csv' } }));
    click('Write file');
    click('Wait 1 min');
    // No canvas in happy-dom: the chart lays out with its estimate of text widths.
    const names = document.querySelector('.cw-tl__names') as SVGSVGElement;
    const columnWidth = Number(names.getAttribute('width'));
    for (const text of names.querySelectorAll('text')) {
      const full = text.querySelector('title')?.textContent ?? null;
      const lines = [...text.querySelectorAll('tspan')].map((t) => t.textContent ?? '');
      if (full === null) expect(lines.join('').replace(/\s/g, '')).toMatch(/^(web-data(-backup(-2)?)?|steps|clock\(UTC\))$/);
      for (const line of lines) expect(estimateWidth(line, 11) + 6, `"${line}" fits the column`).toBeLessThanOrEqual(columnWidth);
    }
    expect([...names.querySelectorAll('text')].map((t) => t.textContent)).toContain('web-data-backup-2');
    const late = [...document.querySelectorAll('.cw-tl__late-label')].map((t) => ({
      text: t.textContent ?? '',
      x: Number(t.getAttribute('x')),
      y: Number(t.getAttribute('y')),
    }));
    expect(late.map((l) => l.text)).toEqual(['not in web-data-backup', 'not in web-data-backup-2']);
    const [a, b] = late as [(typeof late)[0], (typeof late)[0]];
    const apart = Math.abs(a.x - b.x) - (estimateWidth(a.text, 11, true) + estimateWidth(b.text, 11, true)) / 2;
    expect(a.y !== b.y || apart >= 6, 'the labels are on different rows or clear of each other').toBe(true);
  });

  test('a bad file name gets a clear message and changes nothing', () => {
    const actor = startActor();
    render(<TimelineView actor={actor} volumeName={TIMELINE_VOLUME_NAME} />);
    const before = actor.getSnapshot().context.history;
    act(() => fireEvent.change(screen.getByRole('textbox', { name: 'File name' }), { target: { value: '../etc/passwd' } }));
    click('Write file');
    expect(explanation()).toMatch(/Give the file a plain name such as notes\.txt/);
    expect(actor.getSnapshot().context.history).toBe(before);
  });

  test('a story that could not be set up is reported, not thrown', () => {
    const actor = createActor(simulatorMachine, { input: { paused: true }, clock: new SimulatedClock() }).start();
    render(<TimelineView actor={actor} volumeName={TIMELINE_VOLUME_NAME} problem="Line 2 of the story script could not be run." />);
    expect(screen.getByRole('note').textContent).toMatch(/could not start: there is no volume named web-data\. Line 2 of the story/);
  });
});

describe('momentsOf', () => {
  test('reuses the moments of steps still in the history, and computes only the new ones', () => {
    const actor = startActor();
    const volumeId = Object.values(actor.getSnapshot().context.history.world.volumes).find((v) => v.Tags.some((t) => t.Value === 'web-data'))?.VolumeId ?? '';
    const first = momentsOf(actor.getSnapshot().context.history, volumeId);
    actor.send({ type: 'call.run', call: { action: 'Advance', params: { Seconds: 10 } } });
    const history = actor.getSnapshot().context.history;
    const second = momentsOf(history, volumeId, first);
    expect(second).toHaveLength(first.length + 1);
    expect(second.slice(0, first.length).every((m, i) => m === first[i])).toBe(true);
    // The same moments as computed from scratch.
    expect(momentsOf(history, volumeId).map((m) => [m.time, m.changes, m.requested, m.completed])).toEqual(second.map((m) => [m.time, m.changes, m.requested, m.completed]));
  });
});
