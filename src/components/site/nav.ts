/** The site's top-level sections, in header order. */
export const SITE_SECTIONS = [
  { href: '/', label: 'Lessons' },
  { href: '/lab/', label: 'Lab' },
  { href: '/challenges/', label: 'Challenges' },
  { href: '/exam/', label: 'Exam' },
  { href: '/review/', label: 'Review' },
  { href: '/progress/', label: 'Progress' },
  { href: '/glossary/', label: 'Glossary' },
  { href: '/cheat-sheet/', label: 'Cheat sheet' },
] as const;
