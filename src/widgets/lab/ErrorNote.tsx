import { explainError } from './explain.ts';

/** A refused call: the AWS error code and message as AWS words them, then what it means in plain words. */
export function ErrorNote({ code, message, operation, alert = false }: { code: string; message: string; operation?: string | null; alert?: boolean }) {
  return (
    <div className="lab-error" role={alert ? 'alert' : undefined}>
      <p className="lab-error__code">
        <strong>{code}</strong>
        {operation ? <> (when calling {operation})</> : null}: {message}
      </p>
      <p className="lab-error__why">{explainError(code, operation)}</p>
    </div>
  );
}
