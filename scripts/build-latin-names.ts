/**
 * Writes data/pii/latin-given-names.txt: the English given names of @faker-js/faker (MIT; its `en`
 * locale, generic + female + male first names), one a line, for the person-name detector's
 * Latin-script rule (JohnCarpenter, Mike Newell). Names that are also frequent English words (Will,
 * Grace, Summer) are marked with a trailing `*`: they count only as the first word of a pair.
 *
 *   npx tsx scripts/build-latin-names.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fakerEN } from '@faker-js/faker';

/** given names that are ordinary English words or brands as often as names */
const WORDS = new Set(
  'Will Art Mark Faith Grace Hope Joy May June April August Rose Bill Sandy Summer Autumn Dawn Angel Sierra Raven America Lolita Star Sky Rock Moon Sun River Storm Jewel Ruby Pearl Amber Crystal Ivory Honey Candy Cherry Penny Rusty Chase Hunter Page Paige Royal Prince King Major Miles Price Ray Pat Sue Don Guy Van Jack Gene Frank Grant Gay Earl Carol Sage Chance Ever Harmony Melody Destiny Trinity Heaven Genesis Journey Legend Lyric Ocean Phoenix Rain Shadow Silver Sterling Stone Story True Wendy Windy Zion Justice Liberty Unique Precious Diamond Lady Baby Buddy Champ Happy Lucky Magic Marvel Mercedes Porsche Tesla Toyota Lexus Audi Apple Blue Green Brown Black White Gray Grey Young Long Short Little Best Noble Golden Sunny Misty Rocky Dusty Holly Ivy Lily Daisy Iris Violet Hazel Olive Willow Aspen Cedar Oak Ash Reed Heath Clay Forest Field Brooks Banks Lane Hill Dale Glen Glenn Cliff Bay Sea Lake Marsh Ford Bridge Ward Wells Hall Church Gate Gates Bell Case Cash Gold Fortune Bliss Blaze Bolt Colt Cruz Dash Drake Duke Echo Fox Hawk Jet Kit Knight Lark Lion Lynx Max Nova Orion Rex Saint Sonny Spike Tank Tiger Titan Wolf Wren'.split(
    ' ',
  ),
);

const def = fakerEN.rawDefinitions.person?.first_name;
const lists: (string | null | undefined)[][] =
  def == null ? [] : Array.isArray(def) ? [def] : Object.values(def);
const names = [
  ...new Set(lists.flat().filter((n): n is string => /^[A-Z][a-z]{2,14}$/.test(n ?? ''))),
].sort();
if (names.length < 1000)
  throw new Error(`only ${names.length} names in @faker-js/faker en: has the layout changed?`);
const out = fileURLToPath(new URL('../data/pii/latin-given-names.txt', import.meta.url));
writeFileSync(
  out,
  '# English given names of @faker-js/faker (MIT, locale en: generic, female and male first names),\n' +
    '# written by scripts/build-latin-names.ts. A trailing * marks a name that is an ordinary English word\n' +
    '# as often (Will, Grace): it counts only as the first word of a two-word name.\n' +
    `${names.map((n) => (WORDS.has(n) ? `${n}*` : n)).join('\n')}\n`,
);
console.log(`${names.length} names (${names.filter((n) => WORDS.has(n)).length} marked) → ${out}`);
