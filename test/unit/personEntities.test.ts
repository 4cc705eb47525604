// Who is who across the corpus. A fixture is several files (`--- /name.txt`), each with the
// year the caller would supply for its mentions on a first line `year: 1997`. The expected
// result lists, per file, each name mention and the entity it goes to (`?` and the other
// candidates when the engine says it is unsure), then each entity.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { recognisePeople } from '../../server/src/analysis/people';
import {
  resolvePersonGroup,
  surnameKey,
  type PersonMentionInput,
} from '../../server/src/analysis/personEntities';
import { splitSentences } from '../../server/src/analysis/sentences';
import { dedent, parseFiles } from '../support/fixture';

function resolve(source: string, shuffle = false): string {
  const groups = new Map<string, PersonMentionInput[]>();
  for (const file of parseFiles(dedent(source))) {
    const year = /^year: (\d+)\n/.exec(file.text);
    const text = year ? file.text.slice(year[0].length) : file.text;
    const names = recognisePeople(text, splitSentences(text));
    for (const mention of names) {
      const key = surnameKey(mention);
      const list = groups.get(key) ?? [];
      list.push({
        doc: file.path,
        mention,
        full: mention.fullRef >= 0 ? names[mention.fullRef] : null,
        year: year ? +year[1] : null,
      });
      groups.set(key, list);
    }
  }
  const lines: string[] = [];
  const entities: string[] = [];
  for (const key of [...groups.keys()].sort()) {
    const inputs = groups.get(key)!;
    const given = shuffle ? [...inputs].reverse() : inputs;
    const { entities: es, assignments } = resolvePersonGroup(given);
    given.forEach((m, i) => {
      const a = assignments[i];
      lines.push(
        `${m.doc} ${m.mention.text} -> ${a.entity}${a.ambiguous ? ' ? ' + a.ambiguous.join(' ') : ''}`,
      );
    });
    for (const e of es) {
      const titles = e.titles.map((t) => `${t.text}@${t.year ?? '-'}`).join(', ');
      entities.push(`${e.id} ${e.kind} "${e.name}" [${e.variants.join(', ')}] {${titles}}`);
    }
  }
  return [...lines.sort(), '', ...entities].join('\n');
}

test('entities: a surname goes with its full name; bylines are people, titled names officials', () => {
  const fixture = `
    --- /a.txt
    year: 2021
    By Vugar Khalilov

    Defence Minister Zakir Hasanov met them. Hasanov spoke.
    --- /b.txt
    year: 2022
    Minister Hasanov said so.
  `;
  assert.equal(
    resolve(fixture),
    dedent(`
      /a.txt Hasanov -> person:zakir-hasanov
      /a.txt Vugar Khalilov -> person:vugar-khalilov
      /a.txt Zakir Hasanov -> person:zakir-hasanov
      /b.txt Hasanov -> person:zakir-hasanov

      person:zakir-hasanov official "Zakir Hasanov" [Zakir Hasanov, Hasanov] {Defence Minister@2021, Minister@2022}
      person:vugar-khalilov person "Vugar Khalilov" [Vugar Khalilov] {}
    `),
  );
});

test('entities: spelling variants of one person share an entity', () => {
  const fixture = `
    --- /a.txt
    Spokesman Hikmet Hajiyev spoke. Deputy Secretary General Mircea Geoană came.
    --- /b.txt
    Hikmat Hajiyev said so. Mircea Geoana said he agreed with Hajiyev.
    --- /c.txt
    Hikmat Hajiyev said so again.
  `;
  assert.equal(
    resolve(fixture),
    dedent(`
      /a.txt Hikmet Hajiyev -> person:hikmat-hajiyev
      /a.txt Mircea Geoană -> person:mircea-geoana
      /b.txt Hajiyev -> person:hikmat-hajiyev
      /b.txt Hikmat Hajiyev -> person:hikmat-hajiyev
      /b.txt Mircea Geoana -> person:mircea-geoana
      /c.txt Hikmat Hajiyev -> person:hikmat-hajiyev

      person:mircea-geoana official "Mircea Geoană" [Mircea Geoană, Mircea Geoana] {Deputy Secretary General@-}
      person:hikmat-hajiyev official "Hikmat Hajiyev" [Hikmat Hajiyev, Hajiyev, Hikmet Hajiyev] {Spokesman@-}
    `),
  );
});

const ALIYEVS = `
  --- /1994.txt
  year: 1994
  The President of Azerbaijan Heydar Aliyev signed the document.
  --- /2006.txt
  year: 2006
  President Ilham Aliyev met the envoy.
  --- /1997.txt
  year: 1997
  In 1997 President Aliyev spoke in Madrid.
  --- /2010.txt
  year: 2010
  President Aliyev received the delegation.
  --- /undated.txt
  Mr. Aliyev was not there.
`;

test('entities: two people who share a surname stay apart; title and year pick the one meant', () => {
  assert.equal(
    resolve(ALIYEVS),
    dedent(`
      /1994.txt Heydar Aliyev -> person:heydar-aliyev
      /1997.txt Aliyev -> person:heydar-aliyev
      /2006.txt Ilham Aliyev -> person:ilham-aliyev
      /2010.txt Aliyev -> person:ilham-aliyev
      /undated.txt Aliyev -> person:heydar-aliyev ? person:ilham-aliyev

      person:heydar-aliyev official "Heydar Aliyev" [Heydar Aliyev, Aliyev] {President of Azerbaijan@1994, President@1997}
      person:ilham-aliyev official "Ilham Aliyev" [Ilham Aliyev, Aliyev] {President@2006, President@2010}
    `),
  );
});

test('entities: the result does not depend on the order of the mentions', () => {
  assert.equal(resolve(ALIYEVS, true), resolve(ALIYEVS));
});

test('entities: an initial joins the one person it fits; a surname alone is a person of its own', () => {
  const fixture = `
    --- /a.txt
    General Colin Mackenzie came. C. Mackenzie spoke.
    --- /b.txt
    Minister Petrov came. Petrov spoke.
  `;
  assert.equal(
    resolve(fixture),
    dedent(`
      /a.txt C. Mackenzie -> person:colin-mackenzie
      /a.txt Colin Mackenzie -> person:colin-mackenzie
      /b.txt Petrov -> person:petrov
      /b.txt Petrov -> person:petrov

      person:colin-mackenzie official "Colin Mackenzie" [Colin Mackenzie, C. Mackenzie] {General@-}
      person:petrov official "Petrov" [Petrov] {Minister@-}
    `),
  );
});

test('entities: an initial with no full name anywhere is its own person', () => {
  const fixture = `
    --- /a.txt
    C. Mackenzie, Deputy Commander-in-Chief of NATO forces in Europe, visited.
  `;
  assert.match(
    resolve(fixture),
    /person:c-mackenzie official "C\. Mackenzie" \[C\. Mackenzie\] \{Deputy Commander-in-Chief of NATO forces in Europe@-\}/,
  );
});

test('entities: an empty group gives nothing', () => {
  assert.deepEqual(resolvePersonGroup([]), { entities: [], assignments: [] });
});

test('entities: transliterated spellings of one person meet where the given name agrees, not otherwise', () => {
  const fixture = `
    --- /a.txt
    year: 2010
    President Ilham Aliyev spoke. Hungarian head of state Arpad Goencz signed.
    --- /b.txt
    year: 2010
    Ilham Aliev said so. President Arpad Gencz agreed. Heydar Aliev, his father, was remembered.
    --- /c.txt
    year: 2010
    Minister Zakir Hasanov met Minister Mammad Huseynov. Hasanov spoke.
  `;
  assert.equal(
    resolve(fixture),
    dedent(`
      /a.txt Arpad Goencz -> person:arpad-goencz
      /a.txt Ilham Aliyev -> person:ilham-aliyev
      /b.txt Arpad Gencz -> person:arpad-goencz
      /b.txt Heydar Aliev -> person:heydar-aliev
      /b.txt Ilham Aliev -> person:ilham-aliyev
      /c.txt Hasanov -> person:zakir-hasanov
      /c.txt Mammad Huseynov -> person:mammad-huseynov
      /c.txt Zakir Hasanov -> person:zakir-hasanov

      person:heydar-aliev person "Heydar Aliev" [Heydar Aliev] {}
      person:ilham-aliyev official "Ilham Aliyev" [Ilham Aliyev, Ilham Aliev] {President@2010}
      person:arpad-goencz official "Arpad Goencz" [Arpad Goencz, Arpad Gencz] {Hungarian head of state@2010, President@2010}
      person:mammad-huseynov official "Mammad Huseynov" [Mammad Huseynov] {Minister@2010}
      person:zakir-hasanov official "Zakir Hasanov" [Zakir Hasanov, Hasanov] {Minister@2010}
    `),
  );
});

test('entities: people who share a surname are not merged: a regnal name, the younger of two', () => {
  const fixture = `
    --- /a.txt
    year: 1990
    King Hussein of Jordan met the envoy. Hussein said so.
    --- /b.txt
    year: 1990
    Iraq's Saddam Hussein spoke. Hussein said so.
    --- /c.txt
    year: 1991
    President George Bush spoke. Later the younger Bush called, and Bush answered.
  `;
  assert.equal(
    resolve(fixture),
    dedent(`
      /a.txt Hussein -> person:hussein
      /a.txt Hussein -> person:hussein
      /b.txt Hussein -> person:saddam-hussein
      /b.txt Saddam Hussein -> person:saddam-hussein
      /c.txt Bush -> person:bush-the-younger
      /c.txt Bush -> person:george-bush
      /c.txt George Bush -> person:george-bush

      person:bush-the-younger person "Bush (the younger)" [Bush] {}
      person:george-bush official "George Bush" [George Bush, Bush] {President@1991}
      person:hussein official "Hussein" [Hussein] {King@1990}
      person:saddam-hussein person "Saddam Hussein" [Saddam Hussein, Hussein] {}
    `),
  );
});
