// Many calls in one pass: the same results as execute() folded over the calls, without copying a
// table per call. A batch runs its calls on one draft, so each table it writes is copied once (at
// its first write after each world()), then written in place. Used by the simulator's history for
// replays, restored sessions and jumps; execute() stays the one-call form.
import { isReadOnlyAction, runStep, type StepResult } from './execute.ts';
import type { SimCall, World } from './types.ts';
import { openDraft, type Draft } from './world.ts';

export interface Batch {
  /** Runs a call on the World left by the calls so far; a failed call changes nothing, as with execute(). */
  run(call: SimCall): StepResult;
  /**
   * The World after the calls so far, as execute() would have left it. It is never written again:
   * the next call copies each table it writes, so the returned World can be kept (a checkpoint).
   */
  world(): World;
}

export function beginBatch(start: World): Batch {
  // The last World handed out (or the start), and the draft of the calls made on it since.
  let current = start;
  let draft: Draft | null = null;
  let applied: SimCall[] = [];

  // A call that failed after deleting a record in place leaves the draft with the right records in
  // the wrong key order (see rollBack in world.ts). Rare (a DryRun that deletes, a late error), so
  // the draft is simply rebuilt from `current` with the calls that stood, then handed over.
  const rebuild = (): void => {
    const fresh = openDraft(current);
    for (const call of applied) {
      const again = runStep(fresh, call);
      if (!again.ok) throw new Error(`Batch replay diverged: ${call.action} failed with ${again.error.Code}: ${again.error.Message}`);
    }
    current = fresh.world;
    draft = null;
    applied = [];
  };

  return {
    run(call) {
      draft ??= openDraft(current);
      const result = runStep(draft, call);
      if (draft.spoiled) rebuild();
      else if (result.ok && !isReadOnlyAction(call.action)) applied.push(call);
      return result;
    },
    world() {
      if (applied.length > 0) {
        current = (draft as Draft).world;
        draft = null;
        applied = [];
      }
      return current;
    },
  };
}

/**
 * Runs the calls in order, each on the World the previous ones left (a failed call changes
 * nothing), and returns each call's result and the final World: the same as folding execute()
 * over the calls. Never mutates `world`.
 */
export function executeMany(world: World, calls: readonly SimCall[]): { world: World; results: StepResult[] } {
  const batch = beginBatch(world);
  const results = calls.map((call) => batch.run(call));
  return { world: batch.world(), results };
}
