/**
 * The shipped example without its IPv6 (issue 14 made idc-a and idc-b dual-stack): the sites as
 * an IPv4-only inventory has them, for the tests that show such a site keeps what it always had.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FrozenSite, runPipeline } from '../../src/pipeline.js';
import { exampleCopy } from './tmp.js';

/** Every inventory key that holds IPv6 (the schema's `…6` counterparts of the IPv4 keys). */
const IPV6_KEY = '(?:loopback6|mgmt6|announce6|address6|peer6|originate6|subnet6)';
/** A key of its own line (block style), the whole line. */
const BLOCK = new RegExp(`^ *${IPV6_KEY}:.*\\n`, 'gm');
/** A key inside a flow map (`{ …, address6: 2001:db8::1 }`), with the comma before it. */
const FLOW = new RegExp(`, *${IPV6_KEY}: *(?:\\[[^\\]]*\\]|'[^']*'|[^,}\\s]+)`, 'g');

/** The inventory text without its IPv6 keys, every other byte as it was (the layout the tests edit). */
export function withoutIpv6(text: string): string {
  return text.replace(BLOCK, '').replace(FLOW, '');
}

/** A copy of the example inventory with every IPv6 key removed. */
export function ipv4OnlyExample(): { dir: string; inventory: string } {
  const copy = exampleCopy();
  for (const name of readdirSync(copy.inventory).filter((f) => f.endsWith('.yaml'))) {
    const path = join(copy.inventory, name);
    writeFileSync(path, withoutIpv6(readFileSync(path, 'utf8')));
  }
  return copy;
}

let compiled: readonly FrozenSite[] | undefined;

/** A site of that IPv4-only copy, compiled (once per test file). */
export function ipv4OnlySite(name: 'idc-a' | 'idc-b'): FrozenSite {
  compiled ??= runPipeline(ipv4OnlyExample().inventory).model!.sites;
  return compiled.find((s) => s.name === name)!;
}
