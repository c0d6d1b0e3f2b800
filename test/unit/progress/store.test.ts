import { describe, expect, it, vi } from 'vitest';
import { BACKUP_KEY, createProgressStore, STORAGE_KEY } from '../../../src/progress/store';
import { emptyProgress } from '../../../src/progress/schema';
import { statusMessage } from '../../../src/progress/messages';
import { mayHoldSavedLab } from '../../../src/progress/keys';
import { fakeClock, MemoryStorage, MINUTE, storageEvent } from './fakes';

function setup(storage = new MemoryStorage()) {
  const clock = fakeClock();
  const events = new EventTarget();
  const store = createProgressStore({ storage: () => storage, now: clock.now, events });
  return { store, storage, clock, events };
}

const answer = (correct: boolean, questionId = 'which-copy', source: 'quiz' | 'exam' | 'review' = 'quiz') => ({
  source,
  lesson: 'snapshots',
  questionId,
  objectives: ['explain-incremental'],
  correct,
});

describe('progress store: recording', () => {
  it('starts empty and saves nothing until something is recorded', () => {
    const { store, storage } = setup();
    expect(store.getProgress()).toMatchObject({ ...emptyProgress(), status: { persistence: 'local' } });
    expect(storage.items.size).toBe(0);
  });

  it('marks a lesson read once, keeping the first time', () => {
    const { store, storage, clock } = setup();
    store.markLessonRead('snapshots');
    const first = clock.now();
    clock.advance(MINUTE);
    store.markLessonRead('snapshots');
    expect(store.getProgress().lessons).toEqual({ snapshots: { readAt: first } });
    expect(JSON.parse(storage.items.get(STORAGE_KEY)!).lessons.snapshots.readAt).toBe(first);
  });

  it('keeps the first and the latest answer of each question', () => {
    const { store, clock } = setup();
    store.recordAnswer(answer(false));
    const first = clock.now();
    clock.advance(MINUTE);
    store.recordAnswer(answer(true, 'which-copy', 'exam'));
    expect(store.getProgress().answers['snapshots/which-copy']).toEqual({
      lesson: 'snapshots',
      questionId: 'which-copy',
      objectives: ['explain-incremental'],
      first: { correct: false, at: first, source: 'quiz' },
      last: { correct: true, at: first + MINUTE, source: 'exam' },
    });
  });

  it('turns a missed question into a review card and logs every later answer to it', () => {
    const { store, clock } = setup();
    store.recordAnswer(answer(true, 'right-first-time'));
    store.recordAnswer(answer(false));
    const missedAt = clock.now();
    clock.advance(MINUTE);
    store.recordAnswer(answer(true, 'which-copy', 'review'));
    const { review } = store.getProgress();
    expect(Object.keys(review)).toEqual(['question:snapshots/which-copy']);
    expect(review['question:snapshots/which-copy']).toEqual({
      kind: 'question',
      lesson: 'snapshots',
      questionId: 'which-copy',
      log: [
        { at: missedAt, rating: 1 },
        { at: missedAt + MINUTE, rating: 3 },
      ],
    });
  });

  it('logs two answers given in the same millisecond as two reviews', () => {
    const { store, clock } = setup();
    store.recordAnswer(answer(false));
    store.recordAnswer(answer(true));
    expect(store.getProgress().review['question:snapshots/which-copy']!.log).toEqual([
      { at: clock.now(), rating: 1 },
      { at: clock.now() + 1, rating: 3 },
    ]);
  });

  it('lets the learner call a correct review hard or easy, and only a correct one', () => {
    const { store } = setup();
    store.recordAnswer(answer(false));
    const key = 'question:snapshots/which-copy';
    store.rateLastReview(key, 4);
    expect(store.getProgress().review[key]!.log.map((e) => e.rating)).toEqual([1]);
    store.recordAnswer(answer(true, 'which-copy', 'review'));
    store.rateLastReview(key, 2);
    expect(store.getProgress().review[key]!.log.map((e) => e.rating)).toEqual([1, 2]);
    store.rateLastReview(key, 3);
    expect(store.getProgress().review[key]!.log.map((e) => e.rating)).toEqual([1, 3]);
  });

  it('records challenges: solved stays solved, the best call count wins, failures become review cards', () => {
    const { store, clock } = setup();
    store.recordChallenge({ challengeId: 'keep-the-data-volume', solved: false, calls: 9, referenceCalls: 3 });
    clock.advance(MINUTE);
    store.recordChallenge({ challengeId: 'keep-the-data-volume', solved: true, calls: 5, referenceCalls: 3 });
    const solvedAt = clock.now();
    clock.advance(MINUTE);
    store.recordChallenge({ challengeId: 'keep-the-data-volume', solved: true, calls: 7, referenceCalls: 3 });
    clock.advance(MINUTE);
    store.recordChallenge({ challengeId: 'keep-the-data-volume', solved: false, calls: 2, referenceCalls: 3 });
    const progress = store.getProgress();
    expect(progress.challenges['keep-the-data-volume']).toEqual({
      solved: true,
      bestCalls: 5,
      referenceCalls: 3,
      solvedAt,
      lastAt: clock.now(),
    });
    expect(progress.review['challenge:keep-the-data-volume']!.log.map((e) => e.rating)).toEqual([1, 3, 3, 1]);
  });

  it('a challenge solved at the first try never becomes a review card', () => {
    const { store } = setup();
    store.recordChallenge({ challengeId: 'copy-to-ireland', solved: true, calls: 2, referenceCalls: 2 });
    expect(store.getProgress().review).toEqual({});
  });

  it('saves and loads lab logs per key, and ignores bad keys and values', () => {
    const { store } = setup();
    store.saveLabLog('lesson:snapshots', '1.abc');
    store.saveLabLog('lab', '1.def');
    store.saveLabLog('Not A Key', '1.x');
    store.saveLabLog('lab:empty', '');
    expect(store.loadLabLog('lesson:snapshots')).toBe('1.abc');
    expect(store.loadLabLog('lab')).toBe('1.def');
    expect(store.loadLabLog('Not A Key')).toBeUndefined();
    expect(Object.keys(store.getProgress().labLogs)).toEqual(['lesson:snapshots', 'lab']);
  });

  it('tells a lab without loading the store when it certainly has no saved state', () => {
    const { store, storage } = setup();
    vi.stubGlobal('localStorage', storage);
    try {
      expect(mayHoldSavedLab('lesson:snapshots')).toBe(false);
      store.saveLabLog('lesson:snapshots', '1.abc');
      expect(mayHoldSavedLab('lesson:snapshots')).toBe(true);
      // A key that only starts like a saved one is not taken for it.
      expect(mayHoldSavedLab('lesson:snap')).toBe(false);
      vi.stubGlobal('localStorage', {
        getItem() {
          throw new Error('SecurityError');
        },
      });
      expect(mayHoldSavedLab('lesson:snapshots')).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('ignores malformed calls instead of throwing', () => {
    const { store } = setup();
    const bad = [
      () => store.recordAnswer({ ...answer(true), lesson: '__proto__' }),
      () => store.recordAnswer({ ...answer(true), correct: 'yes' as unknown as boolean }),
      () => store.recordAnswer({ ...answer(true), source: 'homework' as 'quiz' }),
      () => store.recordChallenge({ challengeId: 'x', solved: true, calls: -1, referenceCalls: 2 }),
      () => store.recordChallenge({ challengeId: 'x', solved: true, calls: Number.NaN, referenceCalls: 2 }),
      () => store.markLessonRead('../etc'),
    ];
    for (const call of bad) expect(call).not.toThrow();
    expect(store.getProgress()).toMatchObject(emptyProgress());
  });

  it('gives a stable snapshot until something changes, and tells subscribers', () => {
    const { store } = setup();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    const before = store.getProgress();
    expect(store.getProgress()).toBe(before);
    store.markLessonRead('amis');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getProgress()).not.toBe(before);
    unsubscribe();
    store.markLessonRead('snapshots');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('resets everything', () => {
    const { store } = setup();
    store.markLessonRead('amis');
    store.recordAnswer(answer(false));
    store.resetProgress();
    expect(store.getProgress()).toMatchObject(emptyProgress());
  });
});

describe('progress store: storage that fails', () => {
  it('keeps progress in memory with a status when storage is disabled', () => {
    const storage = new MemoryStorage();
    storage.failure = new DOMException('The operation is insecure.', 'SecurityError');
    const { store } = setup(storage);
    expect(() => store.markLessonRead('amis')).not.toThrow();
    const progress = store.getProgress();
    expect(progress.lessons.amis).toBeDefined();
    expect(progress.status.persistence).toBe('memory');
    expect(progress.status.problem).toBe('unavailable');
    expect(statusMessage(progress.status)).toMatch(/does not let the site store data/);
  });

  it('keeps progress in memory when there is no localStorage at all (server, old browsers)', () => {
    const store = createProgressStore({
      storage: () => {
        throw new Error('localStorage is not defined');
      },
    });
    store.recordAnswer(answer(false));
    expect(store.getProgress().status.persistence).toBe('memory');
    expect(Object.keys(store.getProgress().answers)).toEqual(['snapshots/which-copy']);
  });

  it('says the storage is full on a quota error, and goes back to saving once there is room', () => {
    const { store, storage } = setup();
    store.markLessonRead('amis');
    storage.quota = storage.items.get(STORAGE_KEY)!.length + STORAGE_KEY.length;
    store.saveLabLog('lab', `1.${'x'.repeat(500)}`);
    expect(store.getProgress().status).toMatchObject({ persistence: 'memory', problem: 'full' });
    expect(statusMessage(store.getProgress().status)).toMatch(/storage for the site is full/);
    expect(store.loadLabLog('lab')).toBe(`1.${'x'.repeat(500)}`);
    storage.quota = Infinity;
    store.markLessonRead('snapshots');
    expect(store.getProgress().status).toEqual({ persistence: 'local' });
    expect(JSON.parse(storage.items.get(STORAGE_KEY)!).labLogs.lab.encoded).toHaveLength(502);
  });
});

describe('progress store: unreadable saved progress', () => {
  it('resets junk, keeps a copy under the backup key and explains, until acknowledged', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{not json');
    const { store } = setup(storage);
    const { status } = store.getProgress();
    expect(status.recovery).toMatchObject({ kind: 'reset', backupKept: true, reason: 'it is not valid JSON' });
    expect(statusMessage(status)).toBe(
      'Your saved progress could not be read (it is not valid JSON), so it was reset. A copy was kept; you can export it from the Progress page.',
    );
    expect(JSON.parse(storage.items.get(BACKUP_KEY)!)).toMatchObject({ raw: '{not json', acknowledged: false });
    expect(JSON.parse(storage.items.get(STORAGE_KEY)!)).toEqual(emptyProgress());

    store.acknowledgeRecovery();
    expect(store.getProgress().status.recovery).toBeUndefined();
    expect(store.getBackup()).toMatchObject({ raw: '{not json', acknowledged: true });
    store.discardBackup();
    expect(store.getBackup()).toBeUndefined();
    expect(storage.items.has(BACKUP_KEY)).toBe(false);
  });

  it('the message survives a reload until the learner acknowledges it', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '[1,2,3]');
    setup(storage).store.getProgress();
    const reloaded = setup(storage).store;
    expect(reloaded.getProgress().status.recovery?.reason).toBe('it is not a progress record');
    reloaded.acknowledgeRecovery();
    expect(setup(storage).store.getProgress().status.recovery).toBeUndefined();
  });

  it('keeps the readable part of a damaged record and says what was dropped', () => {
    const storage = new MemoryStorage();
    const damaged = {
      ...emptyProgress(),
      lessons: { amis: { readAt: Date.UTC(2026, 0, 1) }, snapshots: { readAt: 'yesterday' } },
      answers: { 'snapshots/q': { lesson: 'snapshots', questionId: 'q' } },
    };
    storage.setItem(STORAGE_KEY, JSON.stringify(damaged));
    const { store } = setup(storage);
    const progress = store.getProgress();
    expect(progress.lessons).toEqual({ amis: { readAt: Date.UTC(2026, 0, 1) } });
    expect(progress.status.recovery).toMatchObject({
      kind: 'recovered',
      reason: '1 unreadable lesson mark; 1 unreadable quiz answer',
    });
    expect(statusMessage(progress.status)).toMatch(/^Part of your saved progress could not be read .*; the rest was kept\./);
  });

  it('refuses a record from a newer version of the site without losing it', () => {
    const storage = new MemoryStorage();
    const future = JSON.stringify({ version: 99, lessons: {} });
    storage.setItem(STORAGE_KEY, future);
    const { store } = setup(storage);
    expect(store.getProgress().status.recovery?.reason).toBe('it was saved by a newer version of this site (format 99)');
    expect(store.getBackup()?.raw).toBe(future);
  });

  it('says so when not even the copy could be kept', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, 'x'.repeat(100));
    storage.quota = 150;
    const { store } = setup(storage);
    const { status } = store.getProgress();
    expect(status.recovery).toMatchObject({ kind: 'reset', backupKept: false });
    expect(statusMessage(status)).toMatch(/No copy could be kept/);
  });
});

describe('progress store: several tabs', () => {
  it('follows writes made by another tab, announced by the storage event', () => {
    const storage = new MemoryStorage();
    const a = setup(storage);
    const b = setup(storage);
    const listener = vi.fn();
    b.store.subscribe(listener);
    a.store.markLessonRead('amis');
    b.events.dispatchEvent(storageEvent(STORAGE_KEY));
    expect(listener).toHaveBeenCalled();
    expect(b.store.getProgress().lessons.amis).toBeDefined();
  });

  it('never loses another tab’s write, even before its storage event arrives', () => {
    const storage = new MemoryStorage();
    const a = setup(storage);
    const b = setup(storage);
    b.store.getProgress();
    a.store.markLessonRead('amis');
    b.store.markLessonRead('snapshots');
    expect(Object.keys(JSON.parse(storage.items.get(STORAGE_KEY)!).lessons).sort()).toEqual(['amis', 'snapshots']);
  });

  it('ignores storage events for other keys, and starts over when another tab clears storage', () => {
    const storage = new MemoryStorage();
    const { store, events } = setup(storage);
    store.markLessonRead('amis');
    const listener = vi.fn();
    store.subscribe(listener);
    events.dispatchEvent(storageEvent('theme'));
    expect(listener).not.toHaveBeenCalled();
    storage.clear();
    events.dispatchEvent(storageEvent(null));
    expect(store.getProgress().lessons).toEqual({});
  });

  it('stops listening once disposed', () => {
    const { store, events } = setup();
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispose();
    events.dispatchEvent(storageEvent(STORAGE_KEY));
    expect(listener).not.toHaveBeenCalled();
  });
});
