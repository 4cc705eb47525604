// Countries, the names and adjectives they go by, and their capitals: `Kenya`, `Kenyan`,
// `the Republic of Kenya` are one place; `Nairobi` is a place in Kenya. General world
// knowledge from a generated table (places.generated.ts), plus the rules English uses to make a
// people's adjective from a country's name (`Kenya` → `Kenyan`, `Iraq` → `Iraqi`).
import { COUNTRIES } from './places.generated';

export interface Place {
  /** `place:KE` for a country, `place:KE/nairobi` for a city in it. */
  key: string;
  /** The country's key (`place:KE`): the whole a city is part of, or the country itself. */
  country: string;
  /** The country's usual name, for messages. */
  name: string;
}

// Adjectives of nationality that no rule makes from the country's name.
const IRREGULAR_DEMONYMS: Record<string, string> = {
  french: 'FR', german: 'DE', british: 'GB', english: 'GB', scottish: 'GB', welsh: 'GB', dutch: 'NL',
  polish: 'PL', spanish: 'ES', swedish: 'SE', danish: 'DK', finnish: 'FI', turkish: 'TR', greek: 'GR',
  swiss: 'CH', chinese: 'CN', japanese: 'JP', vietnamese: 'VN', portuguese: 'PT', czech: 'CZ', slovak: 'SK',
  irish: 'IE', filipino: 'PH', thai: 'TH', argentine: 'AR', argentinian: 'AR', peruvian: 'PE',
  norwegian: 'NO', icelandic: 'IS', lebanese: 'LB', sudanese: 'SD', senegalese: 'SN', congolese: 'CD',
  nepalese: 'NP', nepali: 'NP', maltese: 'MT', cypriot: 'CY', yemeni: 'YE', saudi: 'SA', emirati: 'AE',
  kuwaiti: 'KW', qatari: 'QA', omani: 'OM', bahraini: 'BH', israeli: 'IL', palestinian: 'PS',
  afghan: 'AF', tajik: 'TJ', uzbek: 'UZ', kazakh: 'KZ', kyrgyz: 'KG', turkmen: 'TM', azeri: 'AZ',
  malagasy: 'MG', burmese: 'MM', lao: 'LA', laotian: 'LA', bangladeshi: 'BD', pakistani: 'PK',
  american: 'US', soviet: 'RU', russian: 'RU', belgian: 'BE', ukrainian: 'UA', belarusian: 'BY',
  iraqi: 'IQ', iranian: 'IR', syrian: 'SY', egyptian: 'EG', libyan: 'LY', moroccan: 'MA',
  bosnian: 'BA', serbian: 'RS', serb: 'RS', croatian: 'HR', croat: 'HR', slovenian: 'SI', slovene: 'SI',
  macedonian: 'MK', albanian: 'AL', montenegrin: 'ME', kosovar: 'XK', monegasque: 'MC', luxembourgish: 'LU',
  new_zealander: 'NZ', kiwi: 'NZ', australian: 'AU', canadian: 'CA', mexican: 'MX', brazilian: 'BR',
  chilean: 'CL', colombian: 'CO', venezuelan: 'VE', cuban: 'CU', haitian: 'HT', jamaican: 'JM',
}; // prettier-ignore

// States and provinces of the two federations whose news names them most, with the abbreviations
// wire copy writes after a city (`Amherst, N.Y.`, `Birmingham, Ala.`): parts of their country.
const SUBDIVISIONS: Record<string, string> = {
  US: 'Alabama/Ala. Alaska Arizona/Ariz. Arkansas/Ark. California/Calif. Colorado/Colo. Connecticut/Conn. Delaware/Del. Florida/Fla. Georgia/Ga. Hawaii Idaho Illinois/Ill. Indiana/Ind. Iowa Kansas/Kan. Kentucky/Ky. Louisiana/La. Maine Maryland/Md. Massachusetts/Mass. Michigan/Mich. Minnesota/Minn. Mississippi/Miss. Missouri/Mo. Montana/Mont. Nebraska/Neb. Nevada/Nev. New_Hampshire/N.H. New_Jersey/N.J. New_Mexico/N.M. New_York/N.Y. North_Carolina/N.C. North_Dakota/N.D. Ohio Oklahoma/Okla. Oregon/Ore. Pennsylvania/Pa. Rhode_Island/R.I. South_Carolina/S.C. South_Dakota/S.D. Tennessee/Tenn. Texas/Tex. Utah Vermont/Vt. Virginia/Va. Washington_State/Wash. West_Virginia/W.Va. Wisconsin/Wis. Wyoming/Wyo. District_of_Columbia/D.C.',
  CA: 'Alberta/Alta. British_Columbia/B.C. Manitoba/Man. New_Brunswick/N.B. Newfoundland Nova_Scotia/N.S. Ontario/Ont. Prince_Edward_Island/P.E.I. Quebec/Que. Saskatchewan/Sask.',
}; // prettier-ignore

// Regions larger than a country, with the adjectives that name them: a place, but no country's.
const REGIONS: Record<string, string> = {
  europe: 'european', africa: 'african', asia: 'asian', 'east africa': 'east african', 'west africa': 'west african',
  'north africa': 'north african', 'southern africa': '', 'middle east': 'middle eastern', 'latin america': 'latin american',
  'south america': 'south american', 'central america': 'central american', 'north america': 'north american',
  'central asia': 'central asian', 'southeast asia': 'southeast asian', 'east asia': 'east asian', caribbean: '',
  balkans: 'balkan', baltics: 'baltic', caucasus: 'caucasian', scandinavia: 'scandinavian', 'persian gulf': '',
  arctic: '', antarctica: 'antarctic', oceania: '', sahel: '',
}; // prettier-ignore

interface Country {
  code: string;
  name: string;
}

const byName = new Map<string, Country>();
const byCapital = new Map<string, Country>();
for (const line of COUNTRIES.split('\n')) {
  const [code, names, capital] = line.split(';');
  const list = names.split('|');
  const country = { code, name: list[0] };
  for (const n of list) {
    const key = normalise(n);
    if (!byName.has(key)) byName.set(key, country);
  }
  if (capital) byCapital.set(normalise(capital), country);
}
// states and provinces: parts of their country, by name and by abbreviation
const bySubdivision = new Map<string, { code: string; key: string }>();
for (const [code, list] of Object.entries(SUBDIVISIONS)) {
  for (const entry of list.split(' ')) {
    const [name, abbreviation] = entry.split('/');
    const key = normalise(name.replace(/_/g, ' '));
    bySubdivision.set(key, { code, key });
    if (abbreviation) bySubdivision.set(normalise(abbreviation), { code, key });
  }
}
// adjectives of nationality: the irregular ones, then those made by rule from each name
const byDemonym = new Map<string, Country>();
for (const [word, code] of Object.entries(IRREGULAR_DEMONYMS)) {
  const country = [...byName.values()].find((c) => c.code === code);
  if (country) byDemonym.set(word.replace('_', ' '), country);
}
// each rule has a rank: `Nigeria` + n beats `Niger` + ian for `Nigerian`; two countries that
// the same rule of the same rank gives one adjective leave it to neither
const ruleRank = new Map<string, { country: Country | null; rank: number }>();
for (const country of new Set(byName.values())) {
  const n = normalise(country.name);
  if (n.includes(' ')) continue;
  demonymsByRule(n).forEach(([d, rank]) => {
    if (byDemonym.has(d) || byName.has(d)) return;
    const seen = ruleRank.get(d);
    if (!seen || rank < seen.rank) ruleRank.set(d, { country, rank });
    else if (rank === seen.rank && seen.country !== country) seen.country = null;
  });
}
for (const [d, { country }] of ruleRank) if (country) byDemonym.set(d, country);

/** `kenya` → `kenyan`; `hungary` → `hungarian`; `iraq` → `iraqi`; `mexico` → `mexican`; with each rule's rank. */
function demonymsByRule(name: string): [string, number][] {
  const out: [string, number][] = [];
  if (/a$/.test(name)) out.push([name + 'n', 0]); // Kenya, Cuba, Tanzania, Nigeria
  if (/y$/.test(name)) out.push([name.slice(0, -1) + 'ian', 1]); // Hungary, Italy
  if (/o$/.test(name)) out.push([name.slice(0, -1) + 'an', 1]); // Mexico, Morocco
  if (/e$/.test(name)) out.push([name.slice(0, -1) + 'ian', 2]); // Ukraine, Chile
  if (/[^aeiouy]$/.test(name)) out.push([name + 'i', 2], [name + 'ian', 3], [name + 'ese', 3]); // Iraq, Jordan, Lebanon
  return out;
}

function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const REPUBLIC_OF = /^(?:republic|kingdom|state|commonwealth|federation|principality|sultanate) of /;

const byRegion = new Map<string, string>();
for (const [name, adjective] of Object.entries(REGIONS)) {
  byRegion.set(name, name);
  if (adjective) byRegion.set(adjective, name);
}

/** Phrases looked up already (most texts name the same few places again and again). */
const known = new Map<string, Place | null>();
const KNOWN_LIMIT = 20_000;

/** The place a capitalised phrase names, or undefined: `Kenya`, `Kenyan`, `Nairobi`, `the Republic of Kenya`. */
export function placeOf(phrase: string): Place | undefined {
  let place = known.get(phrase);
  if (place === undefined) {
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(phrase, (place = lookUp(phrase) ?? null));
  }
  return place ?? undefined;
}

function lookUp(phrase: string): Place | undefined {
  let n = normalise(phrase.replace(/['’`]s$/u, ''));
  const region = byRegion.get(n);
  if (region) return { key: 'place:region/' + region, country: 'place:region/' + region, name: region };
  let country = byName.get(n);
  if (!country && REPUBLIC_OF.test(n)) country = byName.get((n = n.replace(REPUBLIC_OF, '')));
  if (!country) country = byDemonym.get(n) ?? (n.endsWith('s') ? byDemonym.get(n.slice(0, -1)) : undefined);
  if (country) return { key: 'place:' + country.code, country: 'place:' + country.code, name: country.name };
  const part = bySubdivision.get(n) ?? bySubdivision.get(n + '.');
  if (part) {
    const name = [...byName.values()].find((c) => c.code === part.code)?.name ?? part.code;
    return { key: `place:${part.code}/${part.key}`, country: 'place:' + part.code, name };
  }
  const capitalOf = byCapital.get(n);
  if (capitalOf)
    return {
      key: `place:${capitalOf.code}/${n}`,
      country: 'place:' + capitalOf.code,
      name: capitalOf.name,
    };
  return undefined;
}

/** A city the text places in a country itself (`Dar es Salaam, Tanzania`): its key in that country. */
export function cityIn(city: string, country: Place): Place {
  return { key: `${country.country}/${normalise(city)}`, country: country.country, name: country.name };
}
