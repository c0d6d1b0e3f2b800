/**
 * Site search: a modal dialog opened by the header button or Ctrl+K / Cmd+K. Pagefind's code and
 * index are fetched only the first time the dialog opens, so text pages ship none of it.
 */
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  /** Word positions that matched in this section. */
  locations: number[];
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: PagefindSubResult[];
}
interface PagefindApi {
  init: () => Promise<void>;
  debouncedSearch: (
    term: string,
    options?: object,
    debounceMs?: number,
  ) => Promise<{ results: { data: () => Promise<PagefindResultData> }[] } | null>;
}

const MAX_RESULTS = 8;
const MAX_SECTIONS = 3;
const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
const input = document.querySelector<HTMLInputElement>('[data-search-input]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLUListElement>('[data-search-results]');
let pagefind: Promise<PagefindApi> | undefined;

function loadPagefind(): Promise<PagefindApi> {
  // The URL is built at run time so that Vite leaves this import to the browser.
  const url = new URL('/pagefind/pagefind.js', window.location.origin).href;
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<PagefindApi>).then(async (api) => {
    await api.init();
    return api;
  });
  return pagefind;
}

function setStatus(text: string) {
  if (status) status.textContent = text;
}

/** Copies Pagefind's excerpt keeping only text and <mark> highlights. */
function excerptNode(html: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  const p = document.createElement('p');
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      p.append(mark);
    } else {
      p.append(node.textContent ?? '');
    }
  }
  return p;
}

async function runSearch(term: string) {
  if (!list) return;
  if (term.trim() === '') {
    list.replaceChildren();
    setStatus('');
    return;
  }
  try {
    const api = await loadPagefind();
    const search = await api.debouncedSearch(term, {}, 150);
    if (search === null) return; // superseded by a newer keystroke
    const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    list.replaceChildren(
      ...results.map((result) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = result.url;
        link.textContent = result.meta.title ?? result.url;
        // Sections (headings with ids) that match get their own deep links, e.g. a glossary term.
        // Pagefind lists sections in page order; show the ones with the most matches first.
        const sections = (result.sub_results ?? [])
          .filter((sub) => sub.url !== result.url)
          .sort((a, b) => b.locations.length - a.locations.length)
          .slice(0, MAX_SECTIONS);
        if (sections.length === 0) {
          item.append(link, excerptNode(result.excerpt));
          return item;
        }
        const list = document.createElement('ul');
        list.append(
          ...sections.map((sub) => {
            const subItem = document.createElement('li');
            const subLink = document.createElement('a');
            subLink.href = sub.url;
            subLink.textContent = sub.title;
            subItem.append(subLink, excerptNode(sub.excerpt));
            return subItem;
          }),
        );
        item.append(link, list);
        return item;
      }),
    );
    const total = search.results.length;
    setStatus(
      total === 0
        ? `No results for “${term}”.`
        : `${total} result${total === 1 ? '' : 's'} for “${term}”${total > MAX_RESULTS ? `, showing the first ${MAX_RESULTS}` : ''}.`,
    );
  } catch {
    setStatus('Search is unavailable: its index was not found. It is created by “npm run build”.');
  }
}

function open() {
  if (!dialog || !input) return;
  if (!dialog.open) dialog.showModal();
  input.focus();
  input.select();
  void loadPagefind().catch(() => undefined);
}

if (dialog && input) {
  document.querySelectorAll('[data-search-open]').forEach((button) => button.addEventListener('click', open));
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the panel) closes the dialog.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  input.addEventListener('input', () => void runSearch(input.value));
  // In a search field the first Escape would only clear the text; close the dialog at once instead.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
    }
  });
  dialog.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    list?.querySelector('a')?.click();
  });
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      open();
    }
  });
  if (/Mac|iPhone|iPad/.test(navigator.userAgent)) {
    document.querySelectorAll('[data-search-shortcut]').forEach((kbd) => (kbd.textContent = '⌘ K'));
  }
}

export {};
