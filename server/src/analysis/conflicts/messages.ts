// What a reader sees of a conflict: the fact in plain words (`Azerbaijan joined PARP`, `the
// bombings in Kenya and Tanzania`), dates as people write them (`23 October 1998`, `autumn
// 1998`), and, for a date worked out from the file's own date, what it was read against.
import { eventWordsOf } from '../claims/eventWords';
import type { Claim } from '../claims';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
]; // prettier-ignore
const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const ORDINAL = ['first', 'second', 'third', 'fourth'];

/** `1998-10-23` → `23 October 1998`; `1998-FA` → `autumn 1998`; `1994/1997` → `1994 to 1997`. */
export function displayValue(value: string): string {
  const slash = value.indexOf('/');
  if (slash > 0) return `${displayValue(value.slice(0, slash))} to ${displayValue(value.slice(slash + 1))}`;
  let m = /^(\d{4}|XXXX)-(\d\d)-(\d\d)$/.exec(value);
  if (m) return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]}${m[1] === 'XXXX' ? '' : ' ' + m[1]}`;
  m = /^(\d{4}|XXXX)-(\d\d)$/.exec(value);
  if (m) return `${MONTHS[Number(m[2]) - 1] ?? m[2]}${m[1] === 'XXXX' ? '' : ' ' + m[1]}`;
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return `${SEASONS[m[2]]} ${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return `the ${ORDINAL[Number(m[2]) - 1]} quarter of ${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return `the ${m[2] === '1' ? 'first' : 'second'} half of ${m[1]}`;
  m = /^(\d{4})-W(\d\d)$/.exec(value);
  if (m) return `week ${Number(m[2])} of ${m[1]}`;
  m = /^(\d{3})$/.exec(value);
  if (m) return `the ${m[1]}0s`;
  return value;
}

/** `, “Friday” read against this file's date 2000-01-15`, for a date worked out from the file's date. */
export function relativeNote(claim: Claim): string {
  return claim.readAgainst ? ` (“${claim.text}”, read against this file’s date ${claim.readAgainst})` : '';
}

/** The fact a claim states, in a few plain words. */
export function describeFact(claim: Claim): string {
  const label = (p: { label: string } | null) => (p ? p.label.replace(/['’`]s$/u, '') : '');
  const subject = label(claim.subject);
  // the phrase as the text gives it (`the NATO-led operation`), else the name
  const object = claim.objectText ?? label(claim.object);
  const trigger =
    claim.lemma === 'become member'
      ? 'joined'
      : claim.lemma === 'hold office' || claim.lemma === 'take office'
        ? 'took office'
        : claim.triggerText.toLowerCase();
  if (claim.lemma === 'deadline') return `the deadline${namesOf(claim, 2) ? ` (${namesOf(claim, 2)})` : ''}`;
  // what took effect is a common noun (`the agreement`), not the names around it
  if (claim.lemma === 'take effect')
    return `took effect${namesOf(claim, 2) ? ` (${namesOf(claim, 2)})` : ''}`;
  // `James Kopp was charged`, `Elian was rescued`
  if (claim.pos === 'v' && claim.passive && object)
    return `${object} was ${trigger}${subject ? ` by ${subject}` : ''}`;
  if (claim.pos === 'v') {
    // `arrived in Valdoria`, `traveled to Havana`: the preposition stays with where
    const to = claim.object && claim.objectVia ? `${claim.objectVia} ${object}` : object;
    const words = [subject, trigger, to].filter(Boolean);
    if (words.length > 1) return words.join(' ');
    const others = namesOf(claim, 2);
    return others ? `${trigger} (${others})` : trigger;
  }
  let phrase = subject ? `${subject}’s ${trigger}` : `the ${trigger}`;
  if (object) phrase += ` ${claim.objectVia ?? 'of'} ${object}`;
  else {
    const others = namesOf(claim, 2, subject);
    if (others) phrase += ` (${others})`;
  }
  // a gathering's range read as its opening and its closing (claims/extract.ts)
  if (
    (claim.event === 'start' || claim.event === 'end') &&
    eventWordsOf(claim.lemma)?.some((w) => w.cls === 'meet')
  )
    phrase += claim.event === 'start' ? ' opened' : ' closed';
  return phrase;
}

function namesOf(claim: Claim, max: number, except = ''): string {
  const seen = new Set<string>([except]);
  const out: string[] = [];
  for (const p of claim.participants) {
    const l = p.label.replace(/['’`]s$/u, '');
    if (seen.has(l)) continue;
    seen.add(l);
    out.push(l);
    if (out.length === max) break;
  }
  return out.join(', ');
}
