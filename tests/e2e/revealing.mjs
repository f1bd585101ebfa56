// Words that tell someone looking at her phone what Harbour is, or what she is going
// through. In discreet mode none of them may show before she opens the notes, nor ever in
// the page's title, header, footer, notices, lock screen or file names. (999 is not on the
// list: it must always stay one tap away, discreet or not.)
export const REVEALING = [
  'Harbour',
  'arrest',
  'police',
  'abuse',
  'images',
  'offence',
  'offender',
  'offending',
  'social care',
  'social worker',
  'safety plan',
  "children's",
  'court',
  'sexual',
  'prison',
  'bail',
  'Stop It Now',
  'register',
  'conviction',
  'convicted',
  'investigation',
  'solicitor',
  'probation',
  'safeguarding',
  'child protection',
  'indecent',
  'sentence',
  'legal advice',
  'NSPCC',
  'Childline',
  'Lucy Faithfull',
];

const escape = (word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace("'", "['’]");
const patterns = REVEALING.map((word) => [word, new RegExp(`\\b${escape(word)}`, 'i')]);

/** The revealing words in `text` (an empty list when there are none). */
export const revealingIn = (text) => patterns.filter(([, re]) => re.test(text)).map(([word]) => word);

/**
 * Everything someone could read on the page: its title, the rendered text (what CSS hides
 * is left out, as it is from view) and the value of every field, which the rendered text
 * does not include.
 */
export const visibleText = (page) =>
  page.evaluate(() =>
    [
      `title: ${document.title}`,
      document.body ? document.body.innerText : '',
      ...[...document.querySelectorAll('input, textarea, select')].map((field) => `value: ${field.value}`),
    ].join('\n')
  );

/** The parts every page shares: title, header and footer. */
export const chromeText = (page) =>
  page.evaluate(() =>
    [`title: ${document.title}`, ...[...document.querySelectorAll('header, footer')].map((part) => part.innerText)].join('\n')
  );
