/**
 * Inline code in lessons (`web-server`, `--volume-id`, `InvalidSnapshot.InUse`) wraps between the words
 * of its sentence, never inside: a browser breaks after a hyphen, which cut names and options in two on a
 * phone ("web-" / "server"). A space-free code span gets the class `whole` (white-space: nowrap). One too
 * long for a phone's line is cut into whole pieces with a <wbr> after a / _ . or - between letters or
 * digits, and before a capital that follows a lowercase letter, so it wraps only between its parts.
 */

/** Characters up to which a token stays on one line (about 210 px of monospace, well inside a 320 px column). */
export const LONG_TOKEN = 24;
const BREAK_POINTS = /(?<=[A-Za-z0-9][/_.-])(?=[A-Za-z0-9])|(?<=[a-z])(?=[A-Z])/;

/** @param {string} value */
const whole = (value) => ({ type: 'element', tagName: 'span', properties: { className: ['whole'] }, children: [{ type: 'text', value }] });
const wbr = () => ({ type: 'element', tagName: 'wbr', properties: {}, children: [] });

/**
 * How to keep an inline code's text whole: null when it has spaces (it wraps between its words),
 * 'class' when it is short enough to never wrap, or the pieces to put in its place.
 * @param {string} text
 */
export function wholeCode(text) {
  if (/\s/.test(text)) return null;
  if (text.length <= LONG_TOKEN) return 'class';
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
