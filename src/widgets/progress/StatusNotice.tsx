/** The store's message about saved progress (unreadable and recovered, or not being saved), with a way to dismiss it. */
import { useState, type ReactNode } from 'react';
import { acknowledgeRecovery, statusMessage, type Progress } from '~/progress';
import './notice.css';

export function StatusNotice({ status, children }: { status: Progress['status']; children?: ReactNode }) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  const message = statusMessage(status);
  if (!message || message === dismissed) return null;
  return (
    <div className="progress-notice" role="alert">
      <p>{message}</p>
      <p className="progress-notice__actions">
        {children}
        <button
          type="button"
          className="button"
          onClick={() => {
            if (status.recovery) acknowledgeRecovery();
            setDismissed(message);
            // The button is gone: keep keyboard focus in the page rather than on <body>.
            document.getElementById('main')?.focus();
          }}
        >
          Dismiss
        </button>
      </p>
    </div>
  );
}
