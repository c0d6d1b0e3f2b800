/**
 * Glossary term popovers (WCAG 1.4.13). CSS shows a definition while its term is hovered or
 * keyboard-focused; this adds tap/click to toggle (data-open), a grace period after the pointer
 * leaves (data-hover, kept while the pointer travels to the popover, which on small screens is a
 * sheet at the bottom of the viewport, and while it hovers it), Escape to dismiss (data-dismissed,
 * cleared when the pointer or focus leaves), closing on outside clicks, aria-expanded that says
 * whether the definition is shown, and flipping left when it would overflow.
 */
const GRACE_MS = 600;
const terms = document.querySelectorAll<HTMLElement>('.term');
const leaving = new WeakMap<HTMLElement, number>();

function isShown(term: HTMLElement) {
  return (
    !term.hasAttribute('data-dismissed') &&
    (term.hasAttribute('data-open') || term.hasAttribute('data-hover') || term.matches(':hover, :has(:focus-visible)'))
  );
}

/** Puts aria-expanded in line with what is on screen, and places the popover when it shows. */
function sync(term: HTMLElement) {
  const trigger = term.querySelector('.term__trigger');
  const shown = isShown(term);
  if (shown && trigger?.getAttribute('aria-expanded') !== 'true') placePopover(term);
  trigger?.setAttribute('aria-expanded', String(shown));
}

function setOpen(term: HTMLElement, open: boolean) {
  term.toggleAttribute('data-open', open);
  if (open) term.removeAttribute('data-dismissed');
  sync(term);
}

function dismiss(term: HTMLElement) {
  term.toggleAttribute('data-open', false);
  term.setAttribute('data-dismissed', '');
  sync(term);
}

function unhover(term: HTMLElement) {
  clearTimeout(leaving.get(term));
  term.removeAttribute('data-hover');
  if (!term.hasAttribute('data-open') && !term.matches(':focus-within')) term.removeAttribute('data-dismissed');
  sync(term);
}

function placePopover(term: HTMLElement) {
  term.classList.remove('term--flip');
  const pop = term.querySelector<HTMLElement>('.term__pop');
  if (pop && pop.getBoundingClientRect().right > document.documentElement.clientWidth - 8) term.classList.add('term--flip');
}

for (const term of terms) {
  const trigger = term.querySelector<HTMLButtonElement>('.term__trigger');
  trigger?.addEventListener('click', () => {
    // Decided by the pinned state, not by visibility: a tap also counts as hover on touch screens.
    const open = !term.hasAttribute('data-open');
    for (const other of terms) if (other !== term && other.hasAttribute('data-open')) setOpen(other, false);
    if (open) setOpen(term, true);
    else dismiss(term);
  });
  // Entering the term or its popover (a descendant, even as a sheet elsewhere on screen) keeps it.
  term.addEventListener('pointerenter', (event) => {
    if (event.pointerType === 'touch') return;
    clearTimeout(leaving.get(term));
    for (const other of terms) if (other !== term && other.hasAttribute('data-hover')) unhover(other);
    term.setAttribute('data-hover', '');
    sync(term);
  });
  term.addEventListener('pointerleave', (event) => {
    if (event.pointerType === 'touch') return;
    if (term.hasAttribute('data-dismissed')) unhover(term);
    else leaving.set(term, window.setTimeout(() => unhover(term), GRACE_MS));
  });
  term.addEventListener('focusin', () => sync(term));
  term.addEventListener('focusout', (event) => {
    if (!term.contains(event.relatedTarget as Node | null)) {
      term.removeAttribute('data-dismissed');
      if (term.hasAttribute('data-open') && !term.matches(':hover')) term.removeAttribute('data-open');
      // Focus has moved on only once this event is over.
      setTimeout(() => sync(term));
    }
  });
}

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  for (const term of terms) if (isShown(term)) dismiss(term);
});

document.addEventListener('click', (event) => {
  for (const term of terms) {
    if (term.hasAttribute('data-open') && !term.contains(event.target as Node)) setOpen(term, false);
  }
});

export {};
