// argparse's test for a word that is an option rather than a value, apart from argparse.ts so that
// formatCall (loaded with a lab's action forms) does not bring the whole parser along.

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

/** argparse's _parse_optional: does this word look like an option rather than a value? */
export function looksLikeOption(word: string): boolean {
  if (!word.startsWith('-') || word === '-') return false;
  if (NEGATIVE_NUMBER.test(word)) return false;
  if (word.includes(' ')) return false;
  return true;
}
