/** The ready-to-copy CI workflow for users' inventory repositories is valid YAML that uses our real commands. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dockerExecArgs } from '../../src/observe/docker-runner.js';
import { REPO, runFabric } from '../support/cli.js';

describe('docs/ci/github-actions.yml', () => {
  const text = readFileSync(join(REPO, 'docs', 'ci', 'github-actions.yml'), 'utf8');
  const workflow = parse(text);

  it('GIVEN the workflow THEN it has a namespace job and a containerlab job that keep the JUnit report', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['validate', 'lab-namespaces', 'lab-containerlab']);
    for (const job of ['lab-namespaces', 'lab-containerlab']) {
      const steps = workflow.jobs[job].steps as { run?: string; uses?: string; if?: string }[];
      expect(steps.some((s) => s.run?.includes('--junit'))).toBe(true);
      expect(steps.some((s) => s.uses?.startsWith('actions/upload-artifact') && s.if === 'always()')).toBe(
        true,
      );
    }
  });

  it('GIVEN every fabric command in the workflow THEN the CLI accepts its flags', async () => {
    const commands = [
      ...text.matchAll(/fabric\.js ((?:lab (?:up|down|export)|verify|validate|render)[^\n]*)/g),
    ].map((m) => m[1]!);
    expect(commands.length).toBeGreaterThan(5);
    for (const c of new Set(commands)) {
      const words = c.split(/\s+/);
      const firstFlag = words.findIndex((w) => w.startsWith('-'));
      const sub = firstFlag === -1 ? words : words.slice(0, firstFlag);
      const help = await runFabric([...sub, '--help']);
      expect(help.code, c).toBe(0);
      for (const flag of words.filter((w) => w.startsWith('--')))
        expect(help.stdout, `${c}: ${flag}`).toContain(flag);
    }
  });

  it('GIVEN --via docker THEN checks run in containerlab’s containers by their default names', () => {
    expect(dockerExecArgs('idc-a', 'leaf1a', 'vtysh -c "show version"')).toEqual([
      'exec',
      'clab-idc-a-leaf1a',
      'sh',
      '-c',
      'vtysh -c "show version"',
    ]);
  });
});
