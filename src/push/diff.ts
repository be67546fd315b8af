/** Unified diffs of what a push changes, with every secret value masked. */
import { createTwoFilesPatch } from 'diff';
import type { Redactor } from '../render/secrets.js';

export function fileDiff(
  device: string,
  target: string,
  before: string | null,
  after: string,
  redactor: Redactor,
): string {
  const patch = createTwoFilesPatch(
    `${device}:${target}${before === null ? ' (absent)' : ''}`,
    `${device}:${target} (rendered)`,
    before ?? '',
    after,
    undefined,
    undefined,
    { context: 2 },
  );
  return redactor.redact(patch.replace(/^=+\n/m, ''));
}
