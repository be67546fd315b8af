/**
 * Commands are sent to the server as given: the remote user's shell parses them. Callers that
 * build a command from values (paths, names) quote each value with `shellQuote`, e.g.
 * `exec(\`install -m 0640 ${shellQuote(staged)} ${shellQuote(target)}\`)`.
 */

/** One POSIX shell word that stands for exactly `value`. Safe characters are left bare. */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A command line of several words, each quoted. */
export function shellCommand(...words: string[]): string {
  return words.map(shellQuote).join(' ');
}

/** The last line a command printed (its verdict, usually), trimmed; '' when it printed nothing. */
export function lastLine(output: string): string {
  return (output.trim().split('\n').at(-1) ?? '').trim();
}
