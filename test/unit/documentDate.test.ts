// The document's date: which evidence is used, how sure, and where it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentDate } from '../../server/src/analysis/dates/documentDate';
import { splitSentences } from '../../server/src/analysis/sentences';

const read = (text: string) => {
  const d = readDocumentDate(text, splitSentences(text));
  return {
    value: d.value,
    source: d.source,
    confidence: d.confidence,
    evidence: d.span ? text.slice(d.span.start, d.span.end) : null,
  };
};

test('document date: each source of evidence, and none', () => {
  const rows: [string, string, ReturnType<typeof read>][] = [
    [
      'header, text on the same line',
      ' date 2022-04-29 Azerbaijani President Ilham Aliyev met...',
      { value: '2022-04-29', source: 'header', confidence: 'certain', evidence: '2022-04-29' },
    ],
    [
      'header, text on the next line',
      ' date 2021-10-25\nBy Azernews',
      { value: '2021-10-25', source: 'header', confidence: 'certain', evidence: '2021-10-25' },
    ],
    [
      'header after a BOM',
      '\uFEFF date 2018-11-29 By Abdul',
      { value: '2018-11-29', source: 'header', confidence: 'certain', evidence: '2018-11-29' },
    ],
    [
      'a header date that does not exist is no header',
      ' date 2022-02-30 Text.',
      { value: null, source: 'none', confidence: 'low', evidence: null },
    ],
    [
      'dateline',
      'BAKU, April 29, 2022 - The minister said...',
      { value: '2022-04-29', source: 'dateline', confidence: 'high', evidence: 'April 29, 2022' },
    ],
    [
      'a date alone on the first line',
      '29 April 2022\nThe minister said...',
      { value: '2022-04-29', source: 'dateline', confidence: 'high', evidence: '29 April 2022' },
    ],
    [
      'compiled on, at the end',
      'Azerbaijan - NATO\n\nIn 1997 it joined.\n\nBrief essay was compiled on May 25, 2006.',
      { value: '2006-05-25', source: 'compiled-on', confidence: 'high', evidence: 'May 25, 2006' },
    ],
    [
      'published:, at the start',
      'Published: 3 March 2020\nThe talks...',
      { value: '2020-03-03', source: 'compiled-on', confidence: 'high', evidence: '3 March 2020' },
    ],
    [
      'text-year: an upcoming event',
      'Colomina arrived on April 28. This is part of ongoing preparations for the 2022 NATO Summit in Madrid.',
      { value: '2022', source: 'text-year', confidence: 'low', evidence: '2022' },
    ],
    [
      'a year told in the past dates nothing',
      'The operation ended in 2014. Azerbaijan supported it from 2002.',
      { value: null, source: 'none', confidence: 'low', evidence: null },
    ],
    [
      'an opening line that names what follows and its date, with a full stop',
      'Meeting notes, 10 October 2023.\nPresent: the board.',
      { value: '2023-10-10', source: 'dateline', confidence: 'high', evidence: '10 October 2023' },
    ],
    [
      'page chrome: a banner date loses to the article’s dateline',
      'Monday, 5 June 2023\nHome | News | World\nAccord signed\nBAKU, March 3, 2021 — The government...',
      { value: '2021-03-03', source: 'dateline', confidence: 'high', evidence: 'March 3, 2021' },
    ],
    [
      '... and to its byline date',
      'Monday, 5 June 2023\nHome | News\nAccord signed\nBy Anna Berg | 3 March 2021\nThe government...',
      { value: '2021-03-03', source: 'compiled-on', confidence: 'high', evidence: '3 March 2021' },
    ],
    [
      '... and to its `Last updated` line',
      'Monday, 5 June 2023\nSite menu\nLast updated: 3 March 2021\nThe government...',
      { value: '2021-03-03', source: 'compiled-on', confidence: 'high', evidence: '3 March 2021' },
    ],
    [
      '... but with nothing else it dates the page',
      'Monday, 5 June 2023\nThe minister said...',
      { value: '2023-06-05', source: 'dateline', confidence: 'high', evidence: '5 June 2023' },
    ],
    ['empty text', '', { value: null, source: 'none', confidence: 'low', evidence: null }],
  ];
  assert.deepEqual(
    rows.map(([name, text]) => [name, text, read(text)]),
    rows,
  );
});

test('a `published on` in the middle of a long text dates the thing published, not the document', () => {
  const text =
    'Intro line.\n' +
    'Filler sentence here. '.repeat(40) +
    'The report published on May 3, 2001 said so. ' +
    'More filler. '.repeat(60);
  assert.deepEqual(read(text), { value: null, source: 'none', confidence: 'low', evidence: null });
});
