/**
 * A small form for one call: its parameters under their API names, the AWS CLI command it stands
 * for (updated as the form changes), and a Run button. After it runs, the result (or the refused
 * call's error, explained) is shown with the command that ran.
 */
import { useSelector } from '@xstate/react';
import { useId, useMemo, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { SimCall, World } from '../../sim/index.ts';
import { selectLastResult } from '../../sim/actor/index.ts';
import { formatCall } from '../../cli/format-call.ts';
import { buildCall, formFields, initialValues, optionalDevices } from './actionForms.ts';
import type { FieldValue, FormSource } from './actionForms.ts';
import { nextRequestId } from './actor.ts';
import { WithWholeIds } from '../shared/WithWholeIds.tsx';
import type { SimulatorActor } from './actor.ts';
import { ErrorNote } from './ErrorNote.tsx';

export interface ActionFormProps {
  actor: SimulatorActor;
  world: World;
  /** The model's probe call for this action (or the palette's starting call). */
  call: SimCall;
  source: FormSource;
  title: string;
  onClose: () => void;
}

/**
 * A command line that wraps between its words, never inside `--volume-id` or an id (each word is an
 * inline block); a word longer than the whole line (a --tag-specifications value) still wraps.
 */
function CommandWords({ command }: { command: string }) {
  return command.split(/(\s+)/).map((word, i) =>
    i % 2 === 1 || word === '' ? word : (
      <span key={i} className="lab-cli__word">
        {word}
      </span>
    ),
  );
}

export default function ActionForm({ actor, world, call, source, title, onClose }: ActionFormProps) {
  const id = useId();
  const fields = formFields(call, source);
  const run = (c: SimCall) => <CommandWords command={formatCall(c)} />;
  // The form's values are UI state; the World they were initialised from is the one shown when opened.
  const [values, setValues] = useState<Record<string, FieldValue>>(() => initialValues(world, call, fields));
  const devices = useMemo(() => optionalDevices(world, call), [world, call]);
  const [excluded, setExcluded] = useState<string[]>([]);
  const [requestId, setRequestId] = useState<string | null>(null);
  const last = useSelector(actor, selectLastResult);
  const result = requestId !== null && last?.requestId === requestId ? last : null;
  const built = buildCall(call, fields, values, excluded);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = nextRequestId('form');
    setRequestId(request);
    actor.send({ type: 'call.run', call: built, requestId: request });
  };

  return (
    <form
      className="lab-form"
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      // Escape closes the form, as it would a dialog; the inspector then focuses the button that opened it.
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      <h4 id={`${id}-title`} className="lab-form__title">
        <WithWholeIds text={title} />
      </h4>
      {fields.map((f) => {
        const fieldId = `${id}-${f.param}`;
        const value = values[f.param];
        const set = (v: FieldValue) => setValues((old) => ({ ...old, [f.param]: v }));
        if (f.kind === 'checkbox') {
          return (
            <div className="lab-field lab-field--check" key={f.param}>
              <input id={fieldId} type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked)} aria-describedby={`${fieldId}-hint`} />
              <label htmlFor={fieldId}>
                <code>{f.param}</code>
              </label>
              <span id={`${fieldId}-hint`} className="lab-field__hint">
                {f.hint}
              </span>
            </div>
          );
        }
        const options = f.options?.(world, call) ?? [];
        return (
          <div className="lab-field" key={f.param}>
            <label htmlFor={fieldId}>
              {f.label !== undefined && <>{f.label} </>}
              <code>{f.param}</code>
            </label>
            {f.kind === 'select' ? (
              <select id={fieldId} value={String(value ?? '')} onChange={(e) => set(e.target.value)} aria-describedby={`${fieldId}-hint`}>
                {[...new Set([...(typeof value === 'string' && value !== '' ? [value] : []), ...options])].map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : f.kind === 'textarea' ? (
              <textarea id={fieldId} rows={2} value={String(value ?? '')} onChange={(e) => set(e.target.value)} aria-describedby={`${fieldId}-hint`} />
            ) : (
              <input
                id={fieldId}
                type="text"
                inputMode={f.kind === 'number' ? 'numeric' : undefined}
                value={String(value ?? '')}
                onChange={(e) => set(e.target.value)}
                aria-describedby={`${fieldId}-hint`}
                autoComplete="off"
                spellCheck={false}
              />
            )}
            <span id={`${fieldId}-hint`} className="lab-field__hint">
              {f.hint}
            </span>
          </div>
        );
      })}
      {devices.length > 0 && (
        <fieldset className="lab-field">
          <legend>Volumes to include (the root volume always is)</legend>
          {devices.map((d) => {
            const deviceId = `${id}-dev-${d.device}`;
            return (
              <div className="lab-field--check" key={d.device}>
                <input
                  id={deviceId}
                  type="checkbox"
                  checked={!excluded.includes(d.device)}
                  onChange={(e) => setExcluded((old) => (e.target.checked ? old.filter((x) => x !== d.device) : [...old, d.device]))}
                />
                <label htmlFor={deviceId}>
                  {d.device} ({d.volumeId})
                </label>
              </div>
            );
          })}
        </fieldset>
      )}
      <p className="lab-form__cli-label" id={`${id}-cli`}>
        {/* The lab's own commands (files, packages) have no AWS CLI form: say so rather than pass them off as AWS. */}
        {formatCall(built).startsWith('sim ') ? 'Lab command (not part of AWS):' : 'AWS CLI equivalent:'}
      </p>
      <pre className="lab-cli" aria-labelledby={`${id}-cli`}>
        <code>{run(built)}</code>
      </pre>
      <div className="lab-form__buttons">
        <button type="submit" className="button lab-button--primary">
          Run {call.action}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      {result !== null &&
        (result.ok ? (
          <div className="lab-result" role="status">
            <p>
              Ran <code>{run(result.call)}</code>
            </p>
          </div>
        ) : (
          <div className="lab-result">
            <p>
              Refused: <code>{run(result.call)}</code>
            </p>
            <ErrorNote code={result.error.Code} message={result.error.Message} operation={result.call.action} alert />
          </div>
        ))}
    </form>
  );
}
