// Closed classes of English words that a shallow reading of a clause needs: determiners,
// prepositions, auxiliaries, modals, pronouns, and the words that open a new clause. General
// grammar, not vocabulary of any subject.

export const DETERMINERS = new Set(
  'the a an this that these those its his her their our your my whose each every another some any no'.split(
    ' ',
  ),
);

export const PREPOSITIONS = new Set(
  (
    'on in at by of for from to with after before during since until till between through within into onto ' +
    'over under about against among across around near off per via amid amidst beside besides beyond toward ' +
    'towards upon along following throughout despite outside inside near behind beside beneath below above ' +
    'across past like'
  ).split(' '),
);

export const AUXILIARIES = new Set(
  'be is are was were been being am have has had having do does did'.split(' '),
);

export const MODALS = new Set("will would shall should may might can could must 'll wo ca".split(' '));

export const PRONOUNS = new Set(
  'i you he she it we they me him us them who whom which what this that these those'.split(' '),
);

/** Words that open a subordinate clause: a date in it belongs to the clause's own verb. */
export const SUBORDINATORS = new Set(
  'when which who whom whose where while whereas because although though unless whether if that'.split(' '),
);

/** Coordinators: they open a new clause when a verb follows (`joined NATO in 2004 and signed ...`). */
export const COORDINATORS = new Set(['and', 'but', 'or', 'yet']);

/**
 * Words that say the event is still to come (`will join`, `is expected to join`, `plans to`,
 * `the planned summit`): a date they govern is a plan, compared only with plans.
 */
export const PLAN_WORDS = new Set(
  (
    "will would shall 'll going expected expects expect scheduled schedule slated set due planned plans plan " +
    'planning intends intend intended hopes hope hoped aims aim aimed proposed upcoming forthcoming ' +
    'prospective tentative provisional pending ' +
    // nouns of intent that an infinitive completes: `the decision to travel on Thursday`
    'decision intention intent readiness bid attempt offer promise'
  ).split(' '),
);

/** Modals that say an event may or must happen: not a report of one. */
export const POSSIBILITY = new Set(['may', 'might', 'could', 'should', 'must', 'can']);

// Content words too general to tell one fact from another.
const GENERIC = (
  'people person man men woman women official officials government state country countries nation ' +
  'nations year years month months week weeks day days time times part parts way number percent ' +
  'thing things group groups member members other others some many more most several first last ' +
  'new old own same such only also just still even already well early late later earlier ago ' +
  'said says say told report reports reported according news statement told include including ' +
  'mr mrs ms dr one two three four five six seven eight nine ten hundred thousand million billion ' +
  'us u s its their there here then now today yesterday tomorrow morning night afternoon evening ' +
  'local national international world public major leader leaders president minister spokesman ' +
  'place case cases issue issues matter event events effort efforts plan plans ' +
  // business and market news: every company's story has them
  'share shares stake stakes company companies firm firms unit units price prices market markets ' +
  'stock stocks investor investors sale sales revenue revenues profit profits earnings quarter ' +
  'trading analyst analysts business industry group value worth cents dollar dollars federal'
).split(' ');
export const GENERIC_WORDS = new Set(GENERIC);

/** `embassies` → `embassy`, `blasts` → `blast`: a crude singular, the same on both sides of a comparison. */
export function stem(lower: string): string {
  if (lower.length > 4 && lower.endsWith('ies')) return lower.slice(0, -3) + 'y';
  if (lower.length > 4 && /(?:ches|shes|sses|xes)$/.test(lower)) return lower.slice(0, -2);
  if (lower.length > 3 && lower.endsWith('s') && !/(?:ss|us|is)$/.test(lower)) return lower.slice(0, -1);
  return lower;
}

/** Words that deny the event next to them (`did not join`, `never signed`). */
export const NEGATION = new Set(['not', "n't", 'never', 'no']);
