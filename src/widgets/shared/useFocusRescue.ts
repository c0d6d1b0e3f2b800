import { useEffect } from 'react';
import type { RefObject } from 'react';

/**
 * Keeps keyboard focus inside a widget when the control that had it goes away: a deleted resource's
 * actions, a form that closed, a button that became disabled. The browser would drop focus to <body>,
 * and the next Tab would start again from the top of the page.
 *
 * The focused control's nearest `[data-focus-region]` ancestor is remembered; when focus is lost, its
 * `[data-focus-home]` element (a heading with tabIndex -1) takes it, or the root's own home if that
 * region went too.
 */
export function useFocusRescue(rootRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = rootRef.current;
    if (root === null) return;
    let last: HTMLElement | null = null;
    let region: HTMLElement | null = null;
    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof HTMLElement)) return;
      last = event.target;
      region = last.closest<HTMLElement>('[data-focus-region]');
    };
    const homeIn = (container: HTMLElement | null) => (container?.isConnected ? container.querySelector<HTMLElement>('[data-focus-home]') : null);
    const rescue = () => {
      const active = document.activeElement;
      if (last === null || (active !== null && active !== document.body)) return;
      const gone = !last.isConnected || last.matches(':disabled');
      if (!gone) return;
      const home = homeIn(region) ?? homeIn(root);
      last = null;
      home?.focus();
    };
    const observer = new MutationObserver(rescue);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
    root.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      root.removeEventListener('focusin', onFocusIn);
    };
  }, [rootRef]);
}
