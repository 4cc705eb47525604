// A file that is not analysed (over the size limit) feeds nothing to the corpus: the lookups
// that read other files' text (lone surnames, long forms defined elsewhere) skip it too
// (issue 18, item 9: 900k tokens and 7 s per keystroke on a 36 MB buffer).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusIndex } from '../../server/src/analysis/corpusIndex';

test('a file over the size limit gets no lone surnames and no long forms from the corpus', () => {
  const index = new CorpusIndex({ maxLength: 400 });
  index.update(
    '/a.txt',
    'President Jane Doe met the North Atlantic Treaty Organization (NATO) on March 5, 2019.\n',
  );
  const big = 'Doe spoke. The North Atlantic Treaty Organization met. '.repeat(20);
  index.update('/big.txt', big);
  assert.ok(index.get('/big.txt')!.analysis.skipped, 'the file is over the limit');
  assert.deepEqual(index.knownSurnameMentions('/big.txt'), []);
  assert.deepEqual(index.acronymMentions('/big.txt'), []);
  index.prepareLookups('/big.txt');
  assert.deepEqual(index.mentions('/big.txt'), []);
  // the same text within the limit is read: the check above is not vacuous
  const small = new CorpusIndex();
  small.update('/a.txt', index.get('/a.txt')!.analysis.text);
  small.update('/big.txt', big);
  assert.ok(small.knownSurnameMentions('/big.txt').length > 0);
  assert.ok(small.acronymMentions('/big.txt').some((m) => m.longForm));
});
