/**
 * The theme follows the system until the learner picks the other one; a choice equal to the
 * system theme is forgotten, so the page goes back to following the system.
 */
const KEY = 'theme';
const root = document.documentElement;
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function effectiveTheme(): 'light' | 'dark' {
  const pinned = root.dataset.theme;
  if (pinned === 'light' || pinned === 'dark') return pinned;
  return systemDark.matches ? 'dark' : 'light';
}

function sync() {
  const dark = effectiveTheme() === 'dark';
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.setAttribute('aria-pressed', String(dark));
  }
}

function choose(theme: 'light' | 'dark') {
  const system = systemDark.matches ? 'dark' : 'light';
  try {
    if (theme === system) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, theme);
  } catch {
    // Storage can be blocked; the choice then lasts for this page only.
  }
  if (theme === system) delete root.dataset.theme;
  else root.dataset.theme = theme;
  sync();
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  button.addEventListener('click', () => choose(effectiveTheme() === 'dark' ? 'light' : 'dark'));
}
systemDark.addEventListener('change', sync);
sync();

export {};
