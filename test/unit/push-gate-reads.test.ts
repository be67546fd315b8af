/**
 * A gate round reads FRR once per device (src/push/gate-reads.ts): the three JSON reads of the
 * checks come from one combined vtysh, and what it cannot answer is read on its own.
 */
import { describe, expect, it } from 'vitest';
import { FRR_COMBINED, FRR_COMBINED6 } from '../../src/daemons/frr/collect.js';
import { FRR, FRR_FAMILY } from '../../src/observe/frr.js';
import type { CommandResult, CommandRunner } from '../../src/observe/runner.js';
import { CombinedFrrReads, ipv6Devices } from '../../src/push/gate-reads.js';

const RUNNING = 'Building configuration...\n\nCurrent configuration:\n!\nhostname leaf1a\n!\nend\n';

/** A device whose vtysh answers with these outputs, recording every command it is asked. */
function device(combinedStdout: string): { runner: CommandRunner; asked: string[] } {
  const asked: string[] = [];
  const runner: CommandRunner = {
    async run(_device: string, command: string): Promise<CommandResult> {
      asked.push(command);
      if (command === FRR_COMBINED.command) return { code: 0, stdout: combinedStdout, stderr: '' };
      return { code: 0, stdout: `{"alone":"${command}"}`, stderr: '' };
    },
  };
  return { runner, asked };
}

describe('CombinedFrrReads', () => {
  it('GIVEN every FRR daemon up THEN the three reads of a round cost one vtysh, and each gets its own JSON', async () => {
    const { runner, asked } = device(`${RUNNING}{"routes":1}\n[{"peer":"x"}]\n{"ipv4Unicast":{}}\n`);
    const round = new CombinedFrrReads(runner);
    const [routes, bfd, bgp] = await Promise.all([
      round.run('leaf1a', FRR.routes),
      round.run('leaf1a', FRR.bfdPeers),
      round.run('leaf1a', FRR.bgpSummary),
    ]);
    expect(JSON.parse(routes.stdout)).toEqual({ routes: 1 });
    expect(JSON.parse(bfd.stdout)).toEqual([{ peer: 'x' }]);
    expect(JSON.parse(bgp.stdout)).toEqual({ ipv4Unicast: {} });
    expect(asked).toEqual([FRR_COMBINED.command]);
  });

  it('GIVEN bfdd down (vtysh stops after the routes) THEN the rest is read on its own', async () => {
    const { runner, asked } = device(`${RUNNING}{"routes":1}\n% bfdd is not running\n`);
    const round = new CombinedFrrReads(runner);
    expect(JSON.parse((await round.run('leaf1a', FRR.routes)).stdout)).toEqual({ routes: 1 });
    expect(JSON.parse((await round.run('leaf1a', FRR.bgpSummary)).stdout)).toEqual({ alone: FRR.bgpSummary });
    expect(asked).toEqual([FRR_COMBINED.command, FRR.bgpSummary]);
  });

  it('GIVEN a new round THEN it reads again: nothing is carried over from the last one', async () => {
    const { runner, asked } = device(`${RUNNING}{"routes":1}\n[]\n{}\n`);
    await new CombinedFrrReads(runner).run('leaf1a', FRR.routes);
    await new CombinedFrrReads(runner).run('leaf1a', FRR.routes);
    expect(asked).toEqual([FRR_COMBINED.command, FRR_COMBINED.command]);
  });

  it('GIVEN another command (a ping) THEN it goes straight to the device', async () => {
    const { runner, asked } = device('');
    await new CombinedFrrReads(runner).run('leaf1a', 'ping -c1 10.1.0.12');
    expect(asked).toEqual(['ping -c1 10.1.0.12']);
  });
});

describe('CombinedFrrReads on a device that checks IPv6 (issue 14)', () => {
  it('GIVEN a device of ipv6Devices THEN its five reads cost one vtysh, IPv6’s after IPv4’s; another device keeps the IPv4 read', async () => {
    const asked: string[] = [];
    const runner: CommandRunner = {
      async run(_device: string, command: string): Promise<CommandResult> {
        asked.push(command);
        if (command === FRR_COMBINED6.command)
          return {
            code: 0,
            stdout: `${RUNNING}{"routes":1}\n[]\n{"as":1}\n{"routes6":1}\n{"as":6}\n`,
            stderr: '',
          };
        if (command === FRR_COMBINED.command)
          return { code: 0, stdout: `${RUNNING}{"routes":1}\n[]\n{"as":1}\n`, stderr: '' };
        return { code: 0, stdout: `{"alone":"${command}"}`, stderr: '' };
      },
    };
    const round = new CombinedFrrReads(
      runner,
      ipv6Devices([{ device: 'edge1', family: 'ipv6' }, { device: 'spine1' }]),
    );
    expect(JSON.parse((await round.run('edge1', FRR_FAMILY.ipv6.routes)).stdout)).toEqual({ routes6: 1 });
    expect(JSON.parse((await round.run('edge1', FRR_FAMILY.ipv6.bgpSummary)).stdout)).toEqual({ as: 6 });
    expect(JSON.parse((await round.run('edge1', FRR.bgpSummary)).stdout)).toEqual({ as: 1 });
    expect(JSON.parse((await round.run('spine1', FRR.routes)).stdout)).toEqual({ routes: 1 });
    expect(asked).toEqual([FRR_COMBINED6.command, FRR_COMBINED.command]);
  });
});
