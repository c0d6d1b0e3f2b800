/**
 * The JMESPath engine (--query and the waiters' acceptors), loaded apart from the rest of the CLI
 * so a web page downloads it only for a command that uses it (see optional.ts). In Node (npm run
 * sim, the site build, tests) it loads with this module, so the CLI stays synchronous there.
 */
type Search = (data: unknown, expression: string) => unknown;

let search: Search | null = null;

export async function loadJmespath(): Promise<void> {
  search ??= (await import('jmespath')).default.search;
}

if (globalThis.process?.versions?.node !== undefined) await loadJmespath();

/** JMESPath search; the engine must be loaded (optional.ts prepareFor does it in a browser). */
export function jmespathSearch(data: unknown, expression: string): unknown {
  if (search === null) throw new Error("The CLI's JMESPath engine is not loaded: call prepareFor(text) before running the command.");
  return search(data, expression);
}
