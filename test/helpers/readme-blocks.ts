/**
 * Extracts the runnable commands of a Markdown file's ```sh blocks for the README doctest
 * (test/e2e/readme.test.ts). The conventions are documented in docs/readme-doctest.md:
 *
 * - `<!-- doctest: setup -->` on the line before a block: its commands prepare the shared demo
 *   folder once; every other block then runs in a fresh copy of that folder.
 * - `<!-- doctest: skip REASON -->` on the line before a block: the block is listed but not run.
 * - `# … exits N` in a command's trailing comment: N is the expected exit code (default 0).
 * - `# … (until Ctrl-C)`, `# … (interactive)`, `# … (needs your endpoint)` or `# … (needs your
 *   files)` in the trailing comment: the command is listed but not run (it runs forever, waits for
 *   the user, calls a service only the user has, or reads data beian cannot ship).
 * - `npm …` parts of a `&&` chain count as already done (the test runs after `npm ci`, inside
 *   `npm test`); a line made only of them is listed as skipped.
 */

export interface ReadmeCommand {
  /** 1-based line of the command's first line in the Markdown file */
  line: number;
  /** the command as written (continuations joined), without its trailing comment */
  text: string;
  /** what the doctest runs: `text` without the `npm …` parts; empty when nothing is left */
  run: string;
  comment: string;
  expectedExit: number;
  /** why it is not run, when it is not */
  skip?: string;
}

export interface ReadmeBlock {
  /** 1-based line of the opening fence */
  line: number;
  setup: boolean;
  skip?: string;
  commands: ReadmeCommand[];
}

/** Splits a shell line at its first `#` that starts a comment (outside quotes, after a blank). */
export function splitComment(line: string): { code: string; comment: string } {
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
      return { code: line.slice(0, i).trimEnd(), comment: line.slice(i + 1).trim() };
    }
  }
  return { code: line.trimEnd(), comment: '' };
}

/** Removes the `npm …` links of a top-level `&&` chain (they are done before the test runs). */
export function withoutNpm(code: string): string {
  return code
    .split(/\s&&\s/)
    .map((part) => part.trim())
    .filter((part) => !/^npm(\s|$)/.test(part))
    .join(' && ');
}

/** Trailing-comment markers of commands that are listed but not run, and why. */
const SKIP_MARKERS: [RegExp, string][] = [
  [/\(until Ctrl-C\)/, 'runs until Ctrl-C'],
  [/\(interactive\)/, 'interactive'],
  [/\(needs your endpoint\)/, 'needs your own endpoint'],
  [/\(needs your files\)/, 'needs your own input files'],
];
const SETUP = /^<!--\s*doctest:\s*setup\s*-->$/;
const SKIP = /^<!--\s*doctest:\s*skip\b\s*(.*?)\s*-->$/;

export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(sh|bash|shell)\s*$/.test(lines[i] ?? '')) {
      // Skip over other fenced blocks so a ```sh inside them is not mistaken for one.
      if (/^```/.test(lines[i] ?? '')) {
        i++;
        while (i < lines.length && !/^```\s*$/.test(lines[i] ?? '')) i++;
      }
      continue;
    }
    let before = i - 1;
    while (before >= 0 && (lines[before] ?? '').trim() === '') before--;
    const marker = (lines[before] ?? '').trim();
    const skipMatch = SKIP.exec(marker);
    const block: ReadmeBlock = {
      line: i + 1,
      setup: SETUP.test(marker),
      ...(skipMatch ? { skip: skipMatch[1] || 'marked skip' } : {}),
      commands: [],
    };
    let j = i + 1;
    while (j < lines.length && !/^```\s*$/.test(lines[j] ?? '')) {
      const start = j;
      let raw = lines[j] ?? '';
      while (raw.endsWith('\\') && j + 1 < lines.length) {
        j++;
        raw = `${raw.slice(0, -1)} ${(lines[j] ?? '').trim()}`;
      }
      j++;
      const { code, comment } = splitComment(raw);
      if (code.trim() === '') continue;
      const exits = /\bexits (\d+)\b/.exec(comment);
      const run = withoutNpm(code.trim());
      const skip =
        block.skip ??
        SKIP_MARKERS.find(([marker]) => marker.test(comment))?.[1] ??
        (run === '' ? 'npm (done before the test runs)' : undefined);
      block.commands.push({
        line: start + 1,
        text: code.trim(),
        run,
        comment,
        expectedExit: exits ? Number(exits[1]) : 0,
        ...(skip ? { skip } : {}),
      });
    }
    blocks.push(block);
    i = j;
  }
  return blocks;
}

/** A `beian` invoked without `npx` (it is not on a new user's PATH): returns the offending text. */
export function bareBeian(code: string): string | undefined {
  const m = /(^|[;&|(]\s*)beian\s/.exec(code);
  return m ? code : undefined;
}
