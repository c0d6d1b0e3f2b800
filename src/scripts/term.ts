/**
 * Glossary term popovers. CSS shows a definition while its term is hovered or keyboard-focused;
 * this adds tap/click to toggle (data-open), Escape to dismiss (data-dismissed, cleared when the
 * pointer or focus leaves), closing on outside clicks, and flipping left when it would overflow.
 */
const terms = document.querySelectorAll<HTMLElement>('.term');

function isShown(term: HTMLElement) {
  return !term.hasAttribute('data-dismissed') && (term.hasAttribute('data-open') || term.matches(':hover, :has(:focus-visible)'));
}

function setOpen(term: HTMLElement, open: boolean) {
  term.toggleAttribute('data-open', open);
  if (open) term.removeAttribute('data-dismissed');
  term.querySelector('.term__trigger')?.setAttribute('aria-expanded', String(open));
  if (open) placePopover(term);
}

function dismiss(term: HTMLElement) {
  setOpen(term, false);
  term.setAttribute('data-dismissed', '');
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
  term.addEventListener('mouseenter', () => placePopover(term));
  term.addEventListener('focusin', () => placePopover(term));
  term.addEventListener('mouseleave', () => {
    if (!term.hasAttribute('data-open')) term.removeAttribute('data-dismissed');
  });
  term.addEventListener('focusout', (event) => {
    if (!term.contains(event.relatedTarget as Node | null)) {
      term.removeAttribute('data-dismissed');
      if (term.hasAttribute('data-open') && !term.matches(':hover')) setOpen(term, false);
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
