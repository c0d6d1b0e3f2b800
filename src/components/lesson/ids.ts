let counter = 0;

/** A document-unique id for elements tied together with aria-* attributes (counter over the build). */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter.toString(36)}`;
}
