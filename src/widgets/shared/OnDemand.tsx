/**
 * A part of a widget whose code loads on demand (an action form, the AMI anatomy, a quiz question's
 * lab). While it downloads, a status says so; if the download fails (offline, or a new deploy replaced
 * the file), a message says what to do and a Try again button loads it anew, where React.lazy alone
 * would throw and unmount the whole widget, the learner's lab with it.
 */
import { Component, lazy, Suspense } from 'react';
import type { ComponentType, ReactNode } from 'react';

export interface OnDemandPart<P> {
  /** Renders the part (suspends until its code is there). */
  Component: ComponentType<P>;
  /** Starts the download ahead of use; a failure is left to the render, which reports it. */
  preload: () => void;
  /** Forgets a failed download, so the next render loads the code again. */
  retry: () => void;
}

export function onDemand<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): OnDemandPart<P> {
  let Loaded = lazy(load);
  return {
    Component: (props: P) => <Loaded {...props} />,
    preload: () => void load().catch(() => undefined),
    retry: () => {
      Loaded = lazy(load);
    },
  };
}

interface OnDemandProps {
  part: { retry: () => void };
  /** What is loading, as the status and the error name it ("the form"). */
  what: string;
  children: ReactNode;
}

export class OnDemand extends Component<OnDemandProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    const { what, children, part } = this.props;
    if (!this.state.failed) return <Suspense fallback={<p role="status">Loading {what}…</p>}>{children}</Suspense>;
    return (
      <p role="alert">
        Could not load {what}: check the connection, then try again.{' '}
        <button
          type="button"
          className="button"
          onClick={() => {
            part.retry();
            this.setState({ failed: false });
          }}
        >
          Try again
        </button>
      </p>
    );
  }
}
