// The engine's vocabulary. Everything here is plain data: UTF-16 offsets into the
// document's text (JavaScript string indices), never lines and columns.

export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A problem found in the text, at a span of one document. */
export interface Finding extends Span {
  code: string;
  severity: Severity;
  message: string;
}

// ---------------------------------------------------------------- document date

export type DocumentDateSource =
  | 'header' // ` date 2022-04-29` on the first line
  | 'dateline' // `BAKU, April 29, 2022 -` or a date alone on an early line
  | 'compiled-on' // `compiled on May 25, 2006`, `Published: ...`, `Last updated ...`
  | 'text-year' // the latest year the text speaks of as current (`preparations for the 2022 NATO Summit`)
  | 'reader' // a reader's correction: "this document's date is ..." (annotations/corrections.ts)
  | 'none';

export type Confidence = 'certain' | 'high' | 'medium' | 'low';

/** The date a document was written, and how the engine knows it. */
export interface DocumentDate {
  /** `YYYY-MM-DD`, or `YYYY` when only the year could be inferred; null when unknown. */
  value: string | null;
  source: DocumentDateSource;
  confidence: Confidence;
  /** Where in the text the evidence is, when there is a place. */
  span?: Span;
}

// ---------------------------------------------------------------- dates

/** How a date mention got the parts it does not state itself. */
export type DateAnchor =
  | 'explicit' // the expression states everything (May 4, 1994; 2022-04-29; 1997)
  | 'document-date' // taken from the document's date (April 28 in a file dated 2022-04-29; yesterday)
  | 'earlier-mention' // refers back to a year the text established before (that year; September of the same year)
  | 'underspecified'; // nothing establishes it (XXXX-04-28)

export type DateMod = 'START' | 'MID' | 'END';

export interface DateMention extends Span {
  text: string;
  /** TIMEX3-style value: 1994-05-04, 1992-03, 1997, 1998-SP, 199, 2020-Q3, 1998-W12, XXXX-04-28. */
  value: string;
  mod?: DateMod;
  anchor: DateAnchor;
  /** For 'earlier-mention' and 'document-date': the span whose date supplied the missing parts. */
  anchorSpan?: Span;
  /** The document-date value used, for 'document-date' anchoring (for the hover to explain). */
  anchorValue?: string;
  /** A numeric date such as 04/05/2022 that could be read day-first or month-first. */
  ambiguousOrder?: boolean;
  /** The mention is the document's own header date. */
  header?: boolean;
  /** A reader corrected the value; this is what the engine had read. */
  correctedFrom?: string;
}

// ---------------------------------------------------------------- people

/** A title or role written next to a name: `Defence Minister`, `Secretary-General of NATO`. */
export interface TitleMention extends Span {
  text: string;
}

export interface NameMention extends Span {
  /** The name as written (without a possessive). */
  text: string;
  /** Given names and initials as written (`Zakir`, `C.`), empty for a bare surname. */
  given: string[];
  /** The family name with its particles: `Hasanov`, `de Hoop Scheffer`. */
  surname: string;
  /** Titles written next to this mention. */
  titles: TitleMention[];
  /** `By Vugar Khalilov`: an author line. */
  byline: boolean;
  /**
   * Index (in the same array) of the fuller mention in this document that this one
   * shortens (`Hasanov` -> `Zakir Hasanov`), or -1 when it stands alone.
   */
  fullRef: number;
  /** `King Hussein`, `Pope Francis`: one regnal name after a royal or religious office, not a surname. */
  regnal?: true;
  /** `the younger Bush`: someone else than the person of that surname named in full. */
  qualified?: 'younger' | 'elder';
  /** `Elian` for `Elian Gonzalez`: a given name alone; `surname` is then the full name's. */
  givenOnly?: true;
  /** An office stated as a predicate (`resigned as chairman`): an official, though no title is recorded. */
  holdsOffice?: true;
  /** `ANNA BERG:` opening a line of a transcript: a name in capitals. */
  speaker?: true;
  /**
   * A reader's correction of who this is (annotations/corrections.ts): the same person as
   * `same` (shown as `name`), or someone other than `different`; `ref` names the correction.
   */
  identity?: { same?: string; name?: string; different?: string; ref: string };
}

// ---------------------------------------------------------------- acronyms

export interface AcronymMention extends Span {
  /** As written, without a possessive: `PfP`, `MPs`, `NATO`, or a long form. */
  text: string;
  /** The entity key: the short form, lower-cased and singular (`pfp`, `mp`, `nato`). */
  key: string;
  /** The mention is a long form (`Planning and Review Process`), not the short form. */
  longForm: boolean;
}

/** `Planning and Review Process (PARP)` or `PARP (Planning and Review Process)`. */
export interface AcronymDefinition {
  key: string;
  short: string;
  shortSpan: Span;
  long: string;
  longSpan: Span;
}
