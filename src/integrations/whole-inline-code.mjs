/**
 * Inline code in lessons (`web-server`, `--volume-id`, `InvalidSnapshot.InUse`) wraps between the words
 * of its sentence, never inside: a browser breaks after a hyphen, which cut names and options in two on a
 * phone ("web-" / "server"). A space-free code span gets the class `whole` (white-space: nowrap). One too
 * long for a phone's line is cut into whole pieces with a <wbr> after a / _ . or - between letters or
 * digits, and before a capital that follows two lowercase letters (so not inside "InUse"): it wraps
 * only between its parts.
 */

/** Characters up to which a token stays on one line (about 210 px of monospace, well inside a 320 px column). */
export const LONG_TOKEN = 24;
const BREAK_POINTS = /(?<=[A-Za-z0-9][/_.-])(?=[A-Za-z0-9])|(?<=[a-z]{2})(?=[A-Z])/;

/** @param {string} value */
const whole = (value) => ({ type: 'element', tagName: 'span', properties: { className: ['whole'] }, children: [{ type: 'text', value }] });
const wbr = () => ({ type: 'element', tagName: 'wbr', properties: {}, children: [] });

/**
 * How to keep an inline code's text whole: null when it has spaces (it wraps between its words),
 * 'class' when it is short enough to never wrap, or the pieces to put in its place.
 * @param {string} text
 * @param {number} longToken the length above which a token is cut into pieces (narrow table cells want less)
 */
export function wholeCode(text, longToken = LONG_TOKEN) {
  if (/\s/.test(text)) return null;
  if (text.length <= longToken) return 'class';
  return text.split(BREAK_POINTS).flatMap((piece, i) => (i === 0 ? [whole(piece)] : [wbr(), whole(piece)]));
}

/** A hast plugin for Astro's Markdown processor (markdown.processor in astro.config.mjs; MDX uses it too). */
export const wholeInlineCode = {
  name: 'ami-lab:whole-inline-code',
  element: {
    filter: ['code'],
    /**
     * @param {{ tagName: string, properties?: Record<string, unknown>, children: Array<{ type: string, value?: string }> }} node
     * @param {import('satteri').HastVisitorContext} ctx
     */
    visit(node, ctx) {
      const parent = ctx.parent(/** @type {never} */ (node));
      if (parent?.type === 'element' && parent.tagName === 'pre') return;
      const [only, ...more] = node.children;
      if (only?.type !== 'text' || more.length > 0 || typeof only.value !== 'string') return;
      const kept = wholeCode(only.value);
      if (kept === 'class') {
        const classes = node.properties?.['className'];
        ctx.setProperty(/** @type {never} */ (node), 'className', [...(Array.isArray(classes) ? classes : []), 'whole']);
      } else if (kept !== null) {
        ctx.replaceNode(/** @type {never} */ (node), /** @type {never} */ ({ type: 'element', tagName: 'code', properties: { ...node.properties }, children: kept }));
      }
    },
  },
};

/**
 * The same for an HTML string written by hand (the cheat sheet's table cells): each <code> with plain
 * text inside. The text is already escaped, and no break point falls inside an entity.
 * @param {string} html
 * @param {number} [longToken]
 */
export function wholeCodeHtml(html, longToken = LONG_TOKEN) {
  return html.replace(/<code>([^<]*)<\/code>/g, (code, /** @type {string} */ text) => {
    const kept = wholeCode(text, longToken);
    if (kept === null) return code;
    if (kept === 'class') return `<code class="whole">${text}</code>`;
    const inner = kept.map((node) => (node.tagName === 'wbr' ? '<wbr>' : `<span class="whole">${node.children[0]?.value ?? ''}</span>`));
    return `<code>${inner.join('')}</code>`;
  });
}
