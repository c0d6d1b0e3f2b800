import { useEffect, useRef, useState } from 'react';
import { useExplanation } from './explain.ts';

/**
 * A refused call: the AWS error code and message as AWS words them, then what it means in plain words
 * (loaded with the first error shown, so it may follow the code and message a moment later).
 */
export function ErrorNote({ code, message, operation, alert = false }: { code: string; message: string; operation?: string | null; alert?: boolean }) {
  const why = useExplanation(code, operation);
  return (
    <div className="lab-error" role={alert ? 'alert' : undefined}>
      <p className="lab-error__code">
        <strong>{code}</strong>
        {operation ? <> (when calling {operation})</> : null}: {message}
      </p>
      {why !== null && <p className="lab-error__why">{why}</p>}
    </div>
  );
}

/**
 * The explanation alone, as muted text, for a list of refusals. Inside a closed <details> it loads the
 * words only when the details are opened (until then nobody sees it).
 */
export function Explanation({ code, operation }: { code: string; operation?: string | null }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const details = ref.current?.closest('details');
    if (details === null || details === undefined || details.open) {
      setShown(true);
      return;
    }
    const onToggle = () => {
      if (details.open) setShown(true);
    };
    details.addEventListener('toggle', onToggle);
    return () => details.removeEventListener('toggle', onToggle);
  }, []);
  const why = useExplanation(code, operation, shown);
  return (
    <span ref={ref} className="muted">
      {why}
    </span>
  );
}
