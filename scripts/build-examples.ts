// Regenerates the README's sample inputs in examples/fairness/ (our own synthetic data, seeded,
// so the committed files are reproducible): `npx tsx scripts/build-examples.ts`.
import { writeFileSync } from 'node:fs';
import { fakerZH_CN as faker } from '@faker-js/faker';
import { createRng } from '../src/fairness/rng.js';
import { priceLog } from '../test/fixtures/fairness/generate.js';

const out = (name: string) => new URL(`../examples/fairness/${name}`, import.meta.url);

// orders.csv: 6,000 orders over 7 days; returning users pay 8% more on a third of the items (planted).
writeFileSync(
  out('orders.csv'),
  [...priceLog({ rows: 6000, seed: 20, items: 20, days: 7, uplift: 0.08, biasedShare: 0.3 })].join(''),
);

// loans.csv: 3,000 credit decisions with the true outcome (repaid) and no planted bias.
{
  const rng = createRng(21);
  faker.seed(21);
  const bands = ['18-29', '30-44', '45-59', '60+'];
  const lines = ['applicant_id,gender,age_band,region,repaid,approved'];
  for (let i = 0; i < 3000; i++) {
    const repaid = rng.next() < 0.7;
    const approved = rng.next() < (repaid ? 0.8 : 0.25);
    lines.push(
      [
        `A${String(i + 1).padStart(5, '0')}`,
        rng.next() < 0.5 ? '女' : '男',
        bands[rng.int(bands.length)],
        faker.location.state(),
        repaid ? 1 : 0,
        approved ? 1 : 0,
      ].join(','),
    );
  }
  writeFileSync(out('loans.csv'), `${lines.join('\n')}\n`);
}

// profiles.jsonl: 30 user profiles for the opt-out invariance check (interests and demographics).
{
  const rng = createRng(22);
  faker.seed(22);
  const interests = [
    '美食',
    '旅行',
    '数码',
    '运动',
    '音乐',
    '电影',
    '游戏',
    '育儿',
    '财经',
    '汽车',
    '时尚',
    '读书',
  ];
  const lines: string[] = [];
  for (let i = 0; i < 30; i++) {
    const picked = interests.filter(() => rng.next() < 0.3);
    lines.push(
      JSON.stringify({
        userId: `u${String(i + 1).padStart(3, '0')}`,
        gender: rng.next() < 0.5 ? '女' : '男',
        age: 18 + rng.int(50),
        city: faker.location.city(),
        interests: picked.length ? picked : [interests[rng.int(interests.length)]],
      }),
    );
  }
  writeFileSync(out('profiles.jsonl'), `${lines.join('\n')}\n`);
}
