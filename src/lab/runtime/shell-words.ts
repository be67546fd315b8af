/**
 * Splits an `exec:` command into words the way containerlab does (google/shlex): whitespace
 * separates words, '…' is literal, "…" allows \" \\ \$ \` escapes, a backslash outside quotes
 * escapes the next character. No shell runs: no pipes, redirects or variables
 * (wrap those in `bash -c '…'`, which works because bash is a program).
 */
export function splitWords(command: string): { words: string[] } | { error: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < command.length && '"\\$`\n'.includes(command[i + 1]!))
        word += command[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\') {
      if (i + 1 >= command.length) return { error: 'ends with a lone backslash' };
      word += command[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === '#' && !inWord) {
      break; // a comment, as in shlex
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return { error: `unclosed ${quote} quote` };
  if (inWord) words.push(word);
  return { words };
}
