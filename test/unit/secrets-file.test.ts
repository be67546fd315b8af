/**
 * The secrets file is YAML a user writes by hand, like the inventory: every problem in it is
 * located (file:line:col), said in words rather than in the YAML library's advice to a programmer,
 * and never shows a value.
 */
import { describe, expect, it } from 'vitest';
import { parseSecretsText, SecretStore } from '../../src/render/secrets.js';

function problems(text: string): string[] {
  const { diagnostics } = parseSecretsText('s.yaml', text);
  return diagnostics.map((d) => `${d.location?.line}:${d.location?.col} ${d.message}`);
}

describe('secrets file', () => {
  it('GIVEN a missing secret THEN the hint names the secrets file read, or says that none was and where it was looked for', () => {
    expect(new SecretStore('/etc/fabric/secrets.yaml', {}, {}).hint('isp1-bgp')).toBe(
      "export FABRIC_SECRET_ISP1_BGP=… or add 'isp1-bgp' to /etc/fabric/secrets.yaml",
    );
    expect(new SecretStore(undefined, {}, {}).hint('isp1-bgp')).toBe(
      `export FABRIC_SECRET_ISP1_BGP=… or add 'isp1-bgp' to a secrets file (none was read: no secrets.yaml in ${process.cwd()}; name one with --secrets FILE)`,
    );
  });

  it('GIVEN names and strings, a quoted number and an alias of a string THEN every value is read', () => {
    const { values, diagnostics } = parseSecretsText(
      's.yaml',
      "\ufeffa: one\r\nb: '12345678'\r\nc: &k shared\r\nd: *k\r\nconstructor: proto-safe\r\n",
    );
    expect(diagnostics).toEqual([]);
    expect([...values]).toEqual([
      ['a', 'one'],
      ['b', '12345678'],
      ['c', 'shared'],
      ['d', 'shared'],
      ['constructor', 'proto-safe'],
    ]);
  });

  it('GIVEN two documents, a duplicate key (also one YAML reads alike) or a syntax error THEN one located message each', () => {
    expect(problems('a: x\n---\nb: y\n')).toEqual([
      '2:1 secrets file: a second YAML document starts here (`---`); a secrets file holds one map of name: value',
    ]);
    expect(problems('a: x\na: y\n')[0]).toMatch(/^2:1 secrets file: secret 'a' is defined twice/);
    expect(problems('a: x\nnull: y\n~: z\n')[0]).toMatch(/^3:1 secrets file: secret '~' is defined twice/);
    expect(problems('a: [\n')).toHaveLength(1);
    expect(problems('a: [\n')[0]).not.toMatch(/parseAllDocuments|at line/);
  });

  it('GIVEN values that are not strings (a number, a map, a list, a missing anchor) THEN located, without the value', () => {
    expect(problems('a: 12345678\nb: { x: 1 }\nc: [x]\nd: *nope\n').map((p) => p.split(' must ')[0])).toEqual(
      ["1:1 secret 'a'", "2:4 secret 'b'", "3:4 secret 'c'", "4:4 secret 'd'"],
    );
    expect(problems('a: 12345678\n').join()).not.toContain('12345678');
  });

  it('GIVEN a list or a scalar instead of a map THEN one message at 1:1', () => {
    expect(problems('- a\n')).toEqual(['1:1 secrets file s.yaml must be a YAML map of name: value']);
    expect(problems('hello\n')).toEqual(['1:1 secrets file s.yaml must be a YAML map of name: value']);
    expect(parseSecretsText('s.yaml', '# nothing yet\n').diagnostics).toEqual([]);
  });
});
