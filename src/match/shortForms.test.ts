import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storedEntity } from './_testing.ts';
import { CandidateIndex } from './index/build.ts';
import { lookupForm } from './index/retrieve.ts';
import { DEFAULT_THRESHOLDS, Matcher } from './matcher.ts';

const people = [
  'KUZMINA, Yelena Petrovna',
  'KUZMINA, Marina Petrovna',
  'KUZMINA, Olga Ivanovna',
  'KUZMIN, Pyotr Ivanovich',
  'ORLOVA, Nadezhda',
  'ORLOVA, Tatiana',
  'ADEYEMI, Babatunde',
  'ADEYEMI, Oluwaseun',
  'BALOGUN, Oluwakemi',
  'RICCI, Alessandro',
  'RICCI, Giovanni',
  'MEDINA, Guadalupe',
  'MEDINA, Rosario',
  'GROMOV, Vyacheslav Sergeyevich',
  'GROMOV, Ivan Sergeyevich',
  'NIKITINA, Anastasia',
].map((n) => storedEntity('Person', { name: [n] }));
const companies = ['STARLIGHT TRADING', 'NORDWIND SHIPPING'].map((n) =>
  storedEntity('Company', { name: [n] }),
);
const matcher = new Matcher(CandidateIndex.build([...people, ...companies]));

const screen = (name: string, schema: 'Person' | 'Thing' | 'Company' = 'Person') =>
  matcher.screen({ schema, properties: { name: [name] } }, { threshold: 0, limit: 10 }).results;
/** Whether a result reaches the default threshold (the screens below ask for every candidate). */
const isMatch = (r: { score: number } | undefined) =>
  r !== undefined && r.score >= DEFAULT_THRESHOLDS.embargo;
const result = (name: string, caption: string, schema?: 'Person' | 'Thing' | 'Company') =>
  screen(name, schema).find((r) => r.caption === caption);

/**
 * A matcher over `names` (persons), and checks that each query finds its listed name as a match
 * credited as a short form, or does not match it at all.
 */
function shortFormCase(names: string[]) {
  const m = new Matcher(
    CandidateIndex.build(names.map((n) => storedEntity('Person', { name: [n] }))),
  );
  const find = (q: string, caption: string) =>
    m
      .screen({ schema: 'Person', properties: { name: [q] } }, { threshold: 0, limit: 10 })
      .results.find((r) => r.caption === caption);
  return {
    m,
    matches(pairs: readonly (readonly [string, string])[]) {
      for (const [q, caption] of pairs) {
        const r = find(q, caption);
        assert.ok(isMatch(r), `${q} ~ ${caption} → ${r?.score}`);
        assert.ok(
          r!.explanations.tokens.some((t) => t.method === 'short-form'),
          q,
        );
      }
    },
    misses(pairs: readonly (readonly [string, string])[]) {
      for (const [q, caption] of pairs) {
        const r = find(q, caption);
        assert.ok(!isMatch(r), `${q} ~ ${caption} → ${r?.score}`);
      }
    },
  };
}

test('a clipped short form beside the surname (and patronymic) matches the listed full name', () => {
  for (const [q, caption, full] of [
    ['Lena Petrovna Kuzmina', 'KUZMINA, Yelena Petrovna', 'Yelena Petrovna Kuzmina'],
    ['Nadya Orlova', 'ORLOVA, Nadezhda', 'Nadezhda Orlova'],
    ['Tunde Adeyemi', 'ADEYEMI, Babatunde', 'Babatunde Adeyemi'],
    ['Kemi Balogun', 'BALOGUN, Oluwakemi', 'Oluwakemi Balogun'],
    ['Sandro Ricci', 'RICCI, Alessandro', 'Alessandro Ricci'],
    ['Lupe Medina', 'MEDINA, Guadalupe', 'Guadalupe Medina'],
    ['Slava Sergeyevich Gromov', 'GROMOV, Vyacheslav Sergeyevich', 'Vyacheslav Gromov'],
    ['Nastya Nikitina', 'NIKITINA, Anastasia', 'Anastasia Nikitina'],
  ] as const) {
    const r = screen(q);
    assert.equal(r[0]?.caption, caption, `${q}: retrieved and ranked first`);
    assert.ok(isMatch(r[0]), `${q} → ${r[0]!.score}`);
    const t = r[0]!.explanations.tokens.find((t) => t.method === 'short-form');
    assert.ok(t && caption.toLowerCase().includes(t.list), `${q}: explained as a short form`);
    assert.ok(r[0]!.score < screen(full)[0]!.score, `${q} scores below ${full}`);
  }
});

test('a short form of another given name beside the same surname is not a match', () => {
  for (const [q, caption] of [
    ['Lena Kuzmina', 'KUZMINA, Marina Petrovna'],
    ['Lena Kuzmina', 'KUZMINA, Olga Ivanovna'],
    ['Nadya Orlova', 'ORLOVA, Tatiana'],
    ['Tunde Adeyemi', 'ADEYEMI, Oluwaseun'],
    ['Sandro Ricci', 'RICCI, Giovanni'],
    ['Lupe Medina', 'MEDINA, Rosario'],
    ['Slava Sergeyevich Gromov', 'GROMOV, Ivan Sergeyevich'],
  ] as const) {
    const r = result(q, caption);
    assert.ok(!isMatch(r), `${q} ~ ${caption} → ${r?.score}`);
  }
});

test('a short form alone, or beside a surname that differs, is never a match', () => {
  assert.ok(!isMatch(result('Nadya', 'ORLOVA, Nadezhda')));
  assert.ok(!isMatch(result('Tunde', 'ADEYEMI, Babatunde')));
  assert.ok(!isMatch(result('Nadya Smirnova', 'ORLOVA, Nadezhda')));
  // The surname alone agreeing (patronymic missing) is still one name part.
  assert.ok(!isMatch(result('Pyotr Kuzmina', 'KUZMINA, Yelena Petrovna')));
});

test('names of persons only: a company word is not a clipped short form', () => {
  const r = result('Star Trading', 'STARLIGHT TRADING', 'Company');
  assert.ok(!isMatch(r), `→ ${r?.score}`);
  assert.ok(!r?.explanations.tokens.some((t) => t.method === 'short-form'));
  const thing = result('Star Trading', 'STARLIGHT TRADING', 'Thing');
  assert.ok(!isMatch(thing), `Thing → ${thing?.score}`);
});

test('a query of no schema meets a listed person with its short forms too', () => {
  const r = result('Nadya Orlova', 'ORLOVA, Nadezhda', 'Thing');
  assert.ok(isMatch(r), `→ ${r?.score}`);
});

test('compare credits a short form under the Person schema', () => {
  const c = matcher.compare('Lena Kuzmina', 'KUZMINA, Yelena', 'Person');
  assert.ok(c.match, `→ ${c.score}`);
  assert.ok(c.explanations.tokens.some((t) => t.method === 'short-form'));
  assert.ok(!matcher.compare('Lena Kuzmina', 'KUZMINA, Marina', 'Person').match);
});

test('retrieval reaches the full name from its short form where the surname is shared by many', () => {
  const given = ['Olga', 'Irina', 'Marina', 'Tatiana', 'Natalia', 'Yulia', 'Oksana', 'Galina'];
  const index = CandidateIndex.build([
    storedEntity('Person', { name: ['SAVCHENKO, Svetlana Borisovna'] }),
    storedEntity('Person', { name: ['BABATUNDE, Oluwaseun'] }),
    ...given.flatMap((g) => [
      storedEntity('Person', { name: [`SAVCHENKO, ${g} Borisovna`] }),
      storedEntity('Person', { name: [`ADEYEMI, ${g}`] }),
    ]),
    storedEntity('Person', { name: ['ADEYEMI, Babatunde'] }),
    // A list token the short form is one letter from: a typo neighbour retrieval also reaches.
    storedEntity('Person', { name: ['ABU SETA'] }),
  ]);
  const m = new Matcher(index);
  for (const [q, caption] of [
    ['Sveta Savchenko', 'SAVCHENKO, Svetlana Borisovna'],
    ['Tunde Adeyemi', 'ADEYEMI, Babatunde'],
  ] as const) {
    const r = m.screen(
      { schema: 'Person', properties: { name: [q] } },
      { threshold: 0, limit: 5 },
    ).results;
    const surname = caption.split(',')[0]!;
    const first = r.find((x) => x.caption.startsWith(surname));
    // Retrieved, and above every other holder of the surname (a typo neighbour of the short form
    // may rank anywhere: the surname is common in this small index, so it weighs little).
    assert.equal(
      first?.caption,
      caption,
      `${q}: ${r.map((x) => `${x.caption} ${x.score}`).join(', ')}`,
    );
  }
  const reached = (query: string, list: string) =>
    lookupForm(index, query).ids.includes(index.vocab.ids.get(list)!);
  assert.ok(reached('sveta', 'svetlana'));
  assert.ok(reached('tunde', 'babatunde'));
  assert.equal(reached('sveta', 'savchenko'), false);
  assert.equal(reached('olya', 'oluwaseun'), false, 'three letters reach nothing by clipping');
});

test('a consonant clip counts beside a part spelled the same, never on weaker evidence', () => {
  const c = shortFormCase([
    'ORLOV, Dmitriy Sergeyevich',
    'ORLOV, Demyan',
    'ORLOV, Daniil',
    'KOVALENKO, Dmytro',
    'KOVALCHUK, Mykola',
    'LEBEDEV, Dmitri',
    'LEBEDEVSKIY, Dmitri',
    'PETROVA, Marina',
    // Given names are common in the lists and surnames rarer, as here: the weights follow.
    'SMIRNOV, Dmitriy',
    'POPOV, Dmitri',
    'IVANENKO, Dmytro',
    'VOLKOVA, Marina',
  ]);
  c.matches([
    ['Dima Lebedev', 'LEBEDEV, Dmitri'],
    ['Dima Sergeyevich Orlov', 'ORLOV, Dmitriy Sergeyevich'],
    ['Dima Kovalenko', 'KOVALENKO, Dmytro'],
  ] as const);
  c.misses([
    ['Dima Orlov', 'ORLOV, Demyan'], // Demyan opens D-e-m: not the cluster Dima breaks
    ['Dima Orlov', 'ORLOV, Daniil'],
    ['Dima Kovalchuk', 'KOVALCHUK, Mykola'],
    ['Masha Petrova', 'PETROVA, Marina'], // a two-letter cut: sisters share it
    ['Dima Lebedeva', 'LEBEDEV, Dmitri'], // the surname only alike, not spelled the same
    ['Dima Orlovsky', 'ORLOV, Dmitriy Sergeyevich'],
    // The same list token as LEBEDEV's, in a name with no sure part, in the same query.
    ['Dima Lebedev', 'LEBEDEVSKIY, Dmitri'],
    ['Dima', 'LEBEDEV, Dmitri'],
  ] as const);
  assert.ok(c.m.compare('Dima Lebedev', 'LEBEDEV, Dmitri', 'Person').match);
  assert.ok(!c.m.compare('Dima Lebedev', 'LEBEDEV, Dmitri', 'Company').match);
});

test('retrieval reaches the name a consonant clip is cut from where the surname is shared by many', () => {
  const given = ['Oleg', 'Igor', 'Pavel', 'Denis', 'Daniil', 'Demyan', 'Boris', 'Yuri', 'Roman'];
  const index = CandidateIndex.build([
    storedEntity('Person', { name: ['ORLOV, Dmitriy'] }),
    ...given.flatMap((g) => [
      storedEntity('Person', { name: [`ORLOV, ${g} Sergeyevich`] }),
      storedEntity('Person', { name: [`ORLOV, ${g}`] }),
    ]),
  ]);
  const m = new Matcher(index);
  const r = m.screen(
    { schema: 'Person', properties: { name: ['Dima Orlov'] } },
    { threshold: 0, limit: 5 },
  ).results;
  assert.equal(r[0]?.caption, 'ORLOV, Dmitriy', r.map((x) => `${x.caption} ${x.score}`).join(', '));
  // Ranked first, not a match: a surname eighteen other names share corroborates little here.
  const reached = (query: string, list: string) =>
    lookupForm(index, query).ids.includes(index.vocab.ids.get(list)!);
  assert.ok(reached('dima', 'dmitriy'));
  assert.equal(reached('dima', 'demyan'), false);
  assert.equal(reached('dima', 'denis'), false);
});

test('a reshaped clip counts beside a part spelled the same, as a consonant clip does', () => {
  const m = new Matcher(
    CandidateIndex.build(
      [
        'ROMERO, Roberto',
        'QUIROGA, Benito',
        'FERNANDEZ, Ignacio',
        'BELYAEV, Yevgeny',
        'SALAZAR, Ignacio',
        'TORRES, Roberto',
        'IVANOV, Yevgeny',
        'MORALES, Roberto',
      ].map((n) => storedEntity('Person', { name: [n] })),
    ),
  );
  const score = (q: string, listed: string) => m.compare(q, listed, 'Person');
  for (const [q, listed] of [
    ['Beto Romero', 'ROMERO, Roberto'],
    ['Nacho Fernandez', 'FERNANDEZ, Ignacio'],
    ['Zhenya Belyaev', 'BELYAEV, Yevgeny'],
  ] as const) {
    const c = score(q, listed);
    assert.ok(c.match, `${q} ~ ${listed} → ${c.score}`);
    assert.ok(
      c.explanations.tokens.some((t) => t.method === 'short-form'),
      q,
    );
  }
  for (const [q, listed] of [
    ['Beto Quiroga', 'QUIROGA, Benito'],
    ['Beto Romerro', 'ROMERO, Roberto'], // the surname only alike: no sure part
    ['Nacho Fernandez', 'FERNANDEZ, Roberto'],
  ] as const) {
    const c = score(q, listed);
    assert.ok(!c.match, `${q} ~ ${listed} → ${c.score}`);
  }
  assert.ok(!m.compare('Beto Romero', 'ROMERO, Roberto', 'Company').match);
});

test('an East Slavic pet form counts beside a part spelled the same, never for a sibling', () => {
  const c = shortFormCase([
    'BELYAKOV, Aleksandr Petrovich',
    'BELYAKOV, Aleksey Petrovich',
    'ZIMINA, Tatyana Ivanovna',
    'ZIMINA, Tamara Ivanovna',
    'PANIN, Nikolay',
    'PANIN, Konstantin',
    'LAVROV, Pyotr',
    'LAVROV, Pavel',
    'GORBUNOV, Aleksey',
    'GORBUNOV, Aleksandr',
    // Given names are common in the lists and surnames rarer, as here: the weights follow.
    'SMIRNOVA, Tatyana',
    'POPOVA, Tatyana',
    'SMIRNOV, Nikolay',
    'POPOV, Pyotr',
    'SOKOLOV, Aleksandr',
    'SOKOLOV, Aleksey',
    'KOZLOV, Pyotr',
    'VOLKOV, Pyotr',
    'ORLOV, Pyotr',
    'KOZLOV, Nikolay',
    'KOZLOVA, Tatyana',
    'KOZLOV, Aleksandr',
    'KOZLOV, Aleksey',
  ]);
  c.matches([
    ['Sasha Petrovich Belyakov', 'BELYAKOV, Aleksandr Petrovich'],
    ['Tanya Ivanovna Zimina', 'ZIMINA, Tatyana Ivanovna'],
    ['Kolya Panin', 'PANIN, Nikolay'],
    ['Petya Lavrov', 'LAVROV, Pyotr'],
    ['Lyosha Gorbunov', 'GORBUNOV, Aleksey'],
  ] as const);
  c.misses([
    ['Sasha Petrovich Belyakov', 'BELYAKOV, Aleksey Petrovich'],
    ['Tanya Ivanovna Zimina', 'ZIMINA, Tamara Ivanovna'],
    ['Kolya Panin', 'PANIN, Konstantin'],
    ['Petya Lavrov', 'LAVROV, Pavel'],
    ['Lyosha Gorbunov', 'GORBUNOV, Aleksandr'],
    ['Tanya Ivanovna Zimova', 'ZIMINA, Tatyana Ivanovna'], // no part spelled the same
    ['Kolya', 'PANIN, Nikolay'],
  ] as const);
  assert.ok(!c.m.compare('Kolya Panin', 'PANIN, Nikolay', 'Company').match);
});

test('retrieval reaches the name a pet form is cut from where the surname is shared by many', () => {
  const given = [
    'Oleg',
    'Igor',
    'Pavel',
    'Denis',
    'Aleksey',
    'Boris',
    'Yuri',
    'Roman',
    'Stanislav',
  ];
  const index = CandidateIndex.build([
    storedEntity('Person', { name: ['ORLOV, Aleksandr'] }),
    ...given.flatMap((g) => [
      storedEntity('Person', { name: [`ORLOV, ${g} Sergeyevich`] }),
      storedEntity('Person', { name: [`ORLOV, ${g}`] }),
    ]),
  ]);
  const r = new Matcher(index).screen(
    { schema: 'Person', properties: { name: ['Sasha Orlov'] } },
    { threshold: 0, limit: 5 },
  ).results;
  assert.equal(
    r[0]?.caption,
    'ORLOV, Aleksandr',
    r.map((x) => `${x.caption} ${x.score}`).join(', '),
  );
  assert.ok(
    r[0]!.explanations.tokens.some((t) => t.method === 'short-form'),
    'ranked first as a short form',
  );
});
