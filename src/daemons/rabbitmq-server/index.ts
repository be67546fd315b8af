/**
 * RabbitMQ (Debian's rabbitmq-server) on every member of a `rabbitmq` data service: one node of
 * the service's cluster (docs/data-tier.md). Debian's rabbitmq-server.service reads
 * /etc/rabbitmq/rabbitmq.conf, rabbitmq-env.conf and enabled_plugins, and the node imports the
 * definitions file (users, permissions, quorum queues) at every boot. RabbitMQ has no dry run, but
 * its configuration is translated by cuttlefish against the schemas it ships: a push runs that
 * translation on the staged rabbitmq.conf (an unknown key or a bad value is refused, as the node's
 * boot would) and parses the staged definitions as JSON, without starting a node. A running node
 * is never restarted by a push (each restart is a cluster member leaving and a queue leader
 * moving: a rolling restart is an operator's, one node at a time); changed definitions are
 * imported into it at once (`rabbitmqctl import_definitions`, idempotent), the rest applies at its
 * next start, the cookie on every node's. A systemd drop-in starts a node that died again after
 * `restartMs` instead of Debian's 10 s.
 */
import { compareFileInUse } from '../../drift/driver.js';
import { RABBITMQ_DAEMON, runsRabbitmq } from '../../model/runs.js';
import { restartDropIn } from '../drop-in.js';
import { flatRules, normaliseLines } from '../lines.js';
import { oneProcessStatus, stagedAt, withDropIns } from '../steps.js';
import type { DaemonDriver, FileSpec, StagedFile } from '../types.js';

export const RABBITMQ_CONF = '/etc/rabbitmq/rabbitmq.conf';
export const RABBITMQ_ENV = '/etc/rabbitmq/rabbitmq-env.conf';
export const RABBITMQ_PLUGINS = '/etc/rabbitmq/enabled_plugins';
export const RABBITMQ_DEFINITIONS_FILE = '/etc/rabbitmq/definitions.json';
export const RABBITMQ_COOKIE = '/var/lib/rabbitmq/.erlang.cookie';
/** systemd drop-in: Debian's unit starts a node that died again only after 10 s (RabbitmqModel.restartMs). */
const DROP_IN = restartDropIn(RABBITMQ_DAEMON, 'rabbitmq-server', 'rabbitmq');
export const RABBITMQ_DROP_IN = DROP_IN.target;
/** The PID file Debian's init script starts the node with (the lab runs it so: labnode-init.sh). */
export const RABBITMQ_INIT_PID = '/run/rabbitmq/pid';
/**
 * A sed script that prints the password of `user` in the definitions file (one user per line, as
 * templates/rabbitmq/definitions.json.hbs prints it), for reads on the device (`lab failover`).
 */
export const definitionsPasswordSed = (user: string) =>
  `s/^ *{ "name": "${user}", "password": "\\([^"]*\\)".*/\\1/p`;
/** Debian's RabbitMQ 3.10, whose plugins carry the code and the schemas the validation uses. */
const RABBITMQ_LIB = '/usr/lib/rabbitmq/lib/rabbitmq_server-*/plugins';

const normalise = normaliseLines('rabbitmq.conf', /^\s*#/);
const normaliseEnv = normaliseLines('rabbitmq-env.conf', /^\s*#/);

/**
 * An Erlang program run with RabbitMQ's own code (no node, no distribution, no epmd): cuttlefish
 * translates the file named first against every schema the installed plugins ship, and
 * `rabbit_json` parses the second. Prints what it refuses and exits 1.
 */
const CHECK_ERL = [
  '[Conf, Defs] = init:get_plain_arguments(),',
  `Schema = cuttlefish_schema:files(filelib:wildcard("${RABBITMQ_LIB}/*/priv/schema/*.schema")),`,
  'R1 = case cuttlefish_conf:files([Conf]) of',
  '  {errorlist, E1} -> io:format("rabbitmq.conf: ~0p~n", [E1]), 1;',
  '  C -> case cuttlefish_generator:map(Schema, C) of',
  '    {error, P, {errorlist, E2}} -> io:format("rabbitmq.conf (~s): ~0p~n", [P, E2]), 1;',
  '    _ -> 0 end end,',
  'R2 = case Defs of "-" -> 0; _ -> {ok, B} = file:read_file(Defs),',
  '  case catch rabbit_json:decode(B) of M when is_map(M) -> 0; _ -> io:format("definitions.json: not a JSON object~n"), 1 end end,',
  'halt(max(R1, R2)).',
].join(' ');

/** The push's validation of the staged rabbitmq.conf and definitions (either may be absent). */
export function rabbitmqValidate(files: readonly StagedFile[], at = (n: string) => `files/${n}`): string[] {
  const conf = stagedAt(files, RABBITMQ_CONF);
  const defs = stagedAt(files, RABBITMQ_DEFINITIONS_FILE);
  if (!conf && !defs) return [];
  // the schema checks that load_definitions names a readable file: the staged definitions when
  // this push brings them (the target is written only after validation), else the installed ones
  const definitions = defs ? `"$PWD/${at(defs)}"` : RABBITMQ_DEFINITIONS_FILE;
  return [
    'd=$(mktemp -d)',
    conf
      ? `sed 's|^load_definitions = .*|load_definitions = '${definitions}'|' ${at(conf)} > "$d/rabbitmq.conf"`
      : ': > "$d/rabbitmq.conf"',
    `erl -noshell -boot start_clean -pa ${RABBITMQ_LIB}/*/ebin -eval '${CHECK_ERL}' -extra "$d/rabbitmq.conf" ${defs ? at(defs) : '-'} > validate-rabbitmq.out 2>&1; rc=$?`,
    'rm -rf "$d"',
    `[ "$rc" = 0 ] || { echo "rejected by RabbitMQ's schema: $(grep -v '^=' validate-rabbitmq.out | head -3 | tr '\\n' ' ')"; ok=1; }`,
  ];
}

const startIfStopped = (fail: string) =>
  `systemctl is-active --quiet rabbitmq-server || systemctl start rabbitmq-server || ${fail}`;

export const rabbitmqServer: DaemonDriver = {
  name: RABBITMQ_DAEMON,
  files: (d) => {
    if (!runsRabbitmq(d)) return [];
    const file = (file: string, template: string, target: string, mode: number): FileSpec => ({
      daemon: RABBITMQ_DAEMON,
      file,
      template: `rabbitmq/${template}`,
      target,
      mode,
      owner: 'rabbitmq:rabbitmq',
      // the node reads every one of them as rabbitmq, never as root (FileSpec.private)
      private: true,
    });
    return [
      file('rabbitmq.conf', 'rabbitmq.conf', RABBITMQ_CONF, 0o644),
      file('rabbitmq-env.conf', 'rabbitmq-env.conf', RABBITMQ_ENV, 0o644),
      file('enabled_plugins', 'enabled_plugins', RABBITMQ_PLUGINS, 0o644),
      // the users' passwords
      file('definitions.json', 'definitions.json', RABBITMQ_DEFINITIONS_FILE, 0o600),
      // Erlang refuses a cookie file others can read
      file('erlang.cookie', 'erlang.cookie', RABBITMQ_COOKIE, 0o400),
      DROP_IN.file,
    ];
  },
  // a node lost to a crash: its Erlang VM (beam.smp) SIGKILLed by the init script's PID file, as
  // the lab runs it; the other nodes keep every quorum queue. The repair is the init script's
  // start, which waits until the node has booted and rejoined
  crash: (d) =>
    runsRabbitmq(d)
      ? {
          daemon: 'rabbitmq-server',
          pidFiles: [RABBITMQ_INIT_PID],
          restart: 'service rabbitmq-server start >/dev/null',
        }
      : undefined,
  printed: (d) => (runsRabbitmq(d) ? d.rabbitmq : {}),
  push: {
    unit: 'rabbitmq-server',
    steps(files) {
      const any = files.length > 0;
      const defs = stagedAt(files, RABBITMQ_DEFINITIONS_FILE);
      const running = 'pidof beam.smp > /dev/null || down="$down rabbitmq-server"';
      // a changed drop-in is read by systemd (daemon-reload) before the node is started
      const unit = {
        reload: [
          startIfStopped('return 1'),
          ...(defs ? [`rabbitmqctl -q import_definitions ${RABBITMQ_DEFINITIONS_FILE} || return 1`] : []),
        ],
        reloadPrevious: [`if was_active rabbitmq-server; then ${startIfStopped('rc=1')}; fi`],
      };
      return any
        ? {
            validate: rabbitmqValidate(files),
            ...withDropIns(files, [RABBITMQ_DROP_IN], unit),
            healthy: [running],
            healthyPrevious: [`if was_active rabbitmq-server; then ${running}; fi`],
          }
        : {};
    },
  },
  drift: {
    processes: (d) => (runsRabbitmq(d) ? ['beam.smp'] : []),
    reads: (d) =>
      runsRabbitmq(d)
        ? [
            ['rabbitmq.conf', `echo ${RABBITMQ_CONF}; cat ${RABBITMQ_CONF}`],
            ['rabbitmq-env.conf', `echo ${RABBITMQ_ENV}; cat ${RABBITMQ_ENV}`],
            DROP_IN.read,
          ]
        : [],
    compare: (ctx) => [
      ...compareFileInUse(ctx, 'rabbitmq.conf', 'rabbitmq.conf', flatRules('rabbitmq-server'), normalise),
      ...compareFileInUse(
        ctx,
        'rabbitmq-env.conf',
        'rabbitmq-env.conf',
        flatRules('rabbitmq-server'),
        normaliseEnv,
      ),
      ...DROP_IN.compare(ctx),
    ],
  },
  lab: {
    requires: () => [{ program: 'rabbitmq-server', pkg: 'rabbitmq-server' }],
    status: oneProcessStatus('beam.smp'),
    clientPassword: (d, user) =>
      runsRabbitmq(d) && user
        ? { file: d.rabbitmq.definitionsFile, sed: definitionsPasswordSed(user) }
        : null,
  },
};
