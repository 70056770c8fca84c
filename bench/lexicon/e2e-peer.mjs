// Child process of bench/lexicon/e2e.ts: one JS Aho–Corasick peer behind beian's own corpus reader
// (readFileBlocks + parseBlock from dist/, the same decode and line split as `beian scan`), counting
// records with at least one match. Peers get the keywords as they are (no normalisation).
//   node bench/lexicon/e2e-peer.mjs <peer> <keywords.txt> <corpus.txt>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [peer, kwFile, corpus] = process.argv.slice(2);
const benchRequire = createRequire(new URL('../package.json', import.meta.url));
const { readFileBlocks, parseBlock } = await import(
  new URL('../../dist/corpus/index.js', import.meta.url).href
);
const keywords = readFileSync(kwFile, 'utf8').split('\n').filter(Boolean);

const makers = {
  '@monyone/aho-corasick': () => {
    const { AhoCorasick } = benchRequire('@monyone/aho-corasick/fast');
    const ac = new AhoCorasick(keywords);
    return (t) => ac.matchInText(t).length;
  },
  ahocorasick: () => {
    const AC = benchRequire('ahocorasick');
    const ac = new AC(keywords);
    return (t) => ac.search(t).length;
  },
  'modern-ahocorasick': () => {
    const mod = benchRequire('modern-ahocorasick');
    const AC = typeof mod === 'function' ? mod : mod.default;
    const ac = new AC(keywords);
    return (t) => ac.search(t).length;
  },
};
const count = makers[peer]();
let records = 0;
let flagged = 0;
for await (const block of readFileBlocks(corpus, { format: 'txt' }))
  parseBlock(block, {}, (item) => {
    if (item.kind !== 'record') return;
    records++;
    if (count(item.text) > 0) flagged++;
  });
console.log(JSON.stringify({ records, flagged }));
