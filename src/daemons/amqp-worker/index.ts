/**
 * The worker of a `rabbitmq` data service on a worker VM (docs/data-tier.md): Debian's
 * amqp-consume (amqp-tools) on the service's AMQP VIP, run by a systemd unit fabric renders,
 * with the credentials in an auth file (`--authfile`: no password on a command line). It consumes
 * one queue, acknowledges each message once it has been written down, and is started again a
 * second after its connection is lost (a node's death, HAProxy's shutdown-sessions). A push checks
 * the unit with `systemd-analyze verify` (anything it says refuses it) and restarts the worker (amqp-consume has no reload; an
 * unacknowledged message goes back to the queue).
 */
import { AMQP_WORKER_UNIT } from '../../compile/rabbitmq.js';
import { compareFileInUse } from '../../drift/driver.js';
import { runsAmqpWorker } from '../../model/runs.js';
import { flatRules, normaliseLines } from '../lines.js';
import { oneProcessStatus, stagedAt } from '../steps.js';
import type { DaemonDriver, DeviceView } from '../types.js';

export const AMQP_WORKER_UNIT_DIR = '/etc/systemd/system';

const normalise = normaliseLines('amqp-worker.service', /^\s*#/);
const unitOf = (d: DeviceView) => (runsAmqpWorker(d) ? d.amqpWorker.unit : null);
const unitFile = (unit: string) => `${AMQP_WORKER_UNIT_DIR}/${unit}.service`;

export const amqpWorker: DaemonDriver = {
  name: 'amqp-worker',
  files: (d) =>
    runsAmqpWorker(d)
      ? [
          {
            daemon: 'amqp-worker',
            file: 'amqp-worker.service',
            template: 'amqp-worker/amqp-worker.service',
            target: unitFile(d.amqpWorker.unit),
            mode: 0o644,
            owner: 'root:root',
          },
          {
            daemon: 'amqp-worker',
            file: 'amqp-worker.auth',
            template: 'amqp-worker/amqp-worker.auth',
            target: d.amqpWorker.authFile,
            // the application's password
            mode: 0o600,
            owner: 'root:root',
          },
        ]
      : [],
  printed: (d) => (runsAmqpWorker(d) ? d.amqpWorker : {}),
  push: {
    unit: AMQP_WORKER_UNIT,
    steps(files) {
      const unit = files.find((f) => f.target.startsWith(`${AMQP_WORKER_UNIT_DIR}/`));
      const any = stagedAt(files);
      if (!any) return {};
      const name = AMQP_WORKER_UNIT;
      const running = `pidof amqp-consume > /dev/null || down="$down ${name}"`;
      return {
        validate: unit
          ? [
              `d=$(mktemp -d); cp files/${unit.n} "$d/${name}.service"`,
              // it says what it ignores (a misspelt value) and exits 0: anything it says is a rejection
              `{ systemd-analyze verify "$d/${name}.service" > validate-amqp-worker.out 2>&1 && [ ! -s validate-amqp-worker.out ]; } || { echo "${name}.service rejected by systemd-analyze: $(head -2 validate-amqp-worker.out | tr '\\n' ' ')"; ok=1; }`,
              'rm -rf "$d"',
            ]
          : [],
        reload: [
          'systemctl daemon-reload',
          `systemctl enable -q ${name}`,
          `systemctl restart ${name} || return 1`,
        ],
        healthy: [running],
        reloadPrevious: [
          'systemctl daemon-reload',
          `if was_active ${name}; then systemctl restart ${name} || rc=1; else systemctl stop ${name} > /dev/null 2>&1 || :; fi`,
        ],
        healthyPrevious: [`if was_active ${name}; then ${running}; fi`],
      };
    },
  },
  drift: {
    processes: (d) => (runsAmqpWorker(d) ? ['amqp-consume'] : []),
    reads: (d) => {
      const unit = unitOf(d);
      return unit ? [['amqp-worker.service', `echo ${unitFile(unit)}; cat ${unitFile(unit)}`]] : [];
    },
    compare: (ctx) =>
      compareFileInUse(
        ctx,
        'amqp-worker.service',
        'amqp-worker.service',
        flatRules('amqp-worker'),
        normalise,
      ),
  },
  lab: {
    requires: () => [{ program: 'amqp-consume', pkg: 'amqp-tools' }],
    status: oneProcessStatus('amqp-consume'),
  },
};
