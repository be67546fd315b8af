/**
 * What a daemon driver says about its daemon, once: the files fabric writes for it, how a push
 * validates, reloads and health-checks it, which processes show it runs, what drift reads and
 * compares, and how the lab starts it. Stages loop over the drivers of a device's daemons
 * (src/daemons/index.ts) instead of naming daemons. Anchor: netlab's netsim/devices/frr.yml.
 */
import type { DriftCompareContext, DriftRead } from '../drift/driver.js';
import type { Finding } from '../drift/types.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { Device } from '../model/types.js';
import type { CommandResult } from '../observe/runner.js';

/** A device as the drivers read it: any daemon's model part may be there. */
export type DeviceView = DeepReadonly<Device>;

export interface FileSpec {
  daemon: string;
  /** Path in the device's output folder. */
  file: string;
  /** Root template, or null for a file whose content is a secret (a TLS bundle). */
  template: string | null;
  /** Path on the device. */
  target: string;
  mode: number;
  owner: string;
  /** For secret-content files: the secret that is the whole file. */
  secret?: { name: string };
  /** The part of the device model the template prints as `part`, for one file per item (a gdnsd zone). */
  part?: unknown;
  /**
   * The daemon rewrites the file itself at runtime (a temporary file renamed over it: Redis's
   * CONFIG REWRITE, Sentinel's state). In a container it cannot be a bind mount (the rename fails):
   * the lab stages it and the node copies it into place at boot (src/topology/clab.ts).
   */
  rewritten?: true;
  /**
   * Read by its daemon as its own user and closed to others (Patroni's config.yml holds the
   * database's passwords: postgres, 0600). A bind mount keeps the host file's owner, which the
   * daemon then cannot read: the lab stages it as it does a rewritten file, and the node installs
   * it with its owner and mode at boot (src/topology/clab.ts).
   */
  private?: true;
}

/** A file of this push staged on the device as files/<n>. */
export interface StagedFile {
  n: string;
  target: string;
}

/** What the caller decided from the device's current files (push/frr-daemons.ts). */
export interface TransactionDecisions {
  frrRestart: boolean;
}

/** Shell lines of the on-device transaction, per function of templates/push/transaction.sh.hbs. */
export interface TransactionSteps {
  /** In validate(): check the staged files; set ok=1 and say why on a rejection. */
  validate: string[];
  /** In reload(): make the new files live; `return 1` on failure. */
  reload: string[];
  /** In healthy(): append to $down what does not answer. */
  healthy: string[];
  /** In reload_previous(): the daemon as it was before the push (`rc=1` on failure). */
  reloadPrevious: string[];
  /** In healthy_previous(): what ran before answers again. */
  healthyPrevious: string[];
  /** In apply, after the backup: state a restore needs (written under previous/). */
  backup: string[];
  /**
   * In apply, before the files go into place: what the daemon owns at runtime carried from the
   * file in use into the staged one (Sentinel's view of the primary, a member's `replicaof`).
   */
  adopt: string[];
  /** Shell functions the other lines call. */
  functions: string[];
}

/**
 * A password the daemon's clients log in with, changed on a running daemon in two phases around
 * the waves: clients switched to the new one in an early wave must not be refused by a daemon
 * that a later wave changes (Redis: every member accepts both before HAProxy and the Sentinels
 * switch, and the old one is dropped after the last wave). Each phase is a script of its own on
 * the device, the rendered file at `target` in "$new_file", run where that file changes or where
 * "$state" says an earlier push left the change half done.
 */
export interface CredentialSteps {
  target: string;
  /**
   * Before the first wave: take the new secret beside the old one if it changes, and note what
   * `after` must do in the folder "$state" (kept on the device until `after` has run). Prints one
   * line; exits non-zero when the daemon refused (the push stops before any wave).
   */
  before: string[];
  /** After the last wave: the new secret only. Prints one line; non-zero when refused. */
  after: string[];
}

export interface PushDriver {
  /** The systemd unit whose activity before the push a restore brings back, or null. */
  unit: string | null;
  /** Reloaded before the others (the others connect to it when they start). */
  reloadFirst?: boolean;
  /** The lines for the daemon's changed files. */
  steps(files: readonly StagedFile[], decided: TransactionDecisions): Partial<TransactionSteps>;
  /** A client password changed in two phases around the waves, or null where the device has none. */
  credentials?(d: DeviceView): CredentialSteps | null;
}

export interface DriftDriver {
  /** Processes (by /proc/PID/comm) that run while the daemon is healthy. */
  processes(d: DeviceView): string[];
  /** Named shell reads in the one collect script of a device running it. */
  reads(d: DeviceView): DriftRead[];
  /** Runtime-check commands its reads answer (never run on their own), whether it runs or not. */
  answers?(d: DeviceView): Iterable<string>;
  /** Answers to `wanted` commands from its reads. */
  prefetched?(
    reads: ReadonlyMap<string, CommandResult>,
    wanted: readonly string[],
  ): Map<string, CommandResult>;
  /** Its configuration (and state) against the rendered files and the model. */
  compare(ctx: DriftCompareContext): Finding[];
}

/** A package the lab host needs for the daemon: a program and the Debian package that has it. */
export interface Requirement {
  program: string;
  pkg: string;
}

/** What lab status sees of a node. */
export interface LabProbe {
  has(comm: string): boolean;
  readFile(path: string): string | null;
  /** What the node's init reported for the daemon ('' when nothing). */
  reported: string;
}

export interface LabDriver {
  /** Programs the host needs; some need more beside an AgentX master (FRR's SNMP modules). */
  requires(node: { agentx: boolean }): Requirement[];
  /** Serves AgentX subagents in the node (snmpd). */
  agentxMaster?: boolean;
  /** Started before the others. */
  bootFirst?: boolean;
  /** Whether routing comes from the daemon (no OS addresses or default route in the node). */
  routes?: boolean;
  /** Commands run in a node once its links exist (the topology's `exec`). */
  exec?(d: DeviceView, empty: boolean): string[];
  /** Lab stand-ins (src/lab/node/<tool>) installed as /usr/local/sbin/<tool> in its nodes. */
  tools?: string[];
  /**
   * A stock file a fabric-labnode node adjusts when the topology binds none (the image's
   * defaults: lab/image/Dockerfile does the same).
   */
  labnodeDefault?: { path: string; edit(text: string): string };
  /** Whether it is up in a lab node, and what to say. */
  status(probe: LabProbe): { up: boolean; detail: string; unconfigured?: true };
  /**
   * Where a data service's member keeps the password clients log in with as `user` (null: a
   * password alone), for `lab failover`'s data probes, which read it in the lab (the lab runs what
   * `lab up` rendered, with the secrets given then): one of this driver's files and a sed script
   * that prints the password. Absent, or null for a device, where the driver holds none.
   */
  clientPassword?(d: DeviceView, user: string | null): { file: string; sed: string } | null;
}

/** The process a failover `crash` kills in a lab node, by its own PID files, and how it comes back. */
export interface CrashPlan {
  daemon: string;
  /**
   * PID files inside the node (globs allowed): the PID on each one's first line (PostgreSQL's
   * postmaster.pid has more lines, none a PID) and its children get SIGKILL,
   * children first (keepalived's VRRP child, which has no PID file, gets SIGTERM when its parent
   * dies and would then resign politely with a priority-0 advert: not a crash).
   */
  pidFiles: string[];
  /** Shell command in the node that brings the daemon back (idempotent). */
  restart: string;
}

export interface DaemonDriver {
  name: string;
  /** It watches the device rather than serving anything (snmpd): no service the device offers. */
  monitoring?: true;
  /**
   * For a driver of the operating system's settings rather than a daemon (sysctl): it applies to
   * the devices whose model asks for it, not by the device's `daemons`.
   */
  appliesTo?(d: DeviceView): boolean;
  /**
   * What a failover `crash` of a device running it kills. A device's crash target is the last
   * of its daemons, in registry order, that has one: the service on top of the routing. A
   * function where it depends on the device's part (Redis: a member's redis-server, nothing on a
   * device that runs only a Sentinel).
   */
  crash?: CrashPlan | ((d: DeviceView) => CrashPlan | undefined);
  /**
   * A crash of this daemon alone, a failover target of its own beside the device
   * (`<device>:<daemon>/crash`, in the group `<daemon>:<tenant>/<service>` of the device's data
   * service): PgBouncer, whose death ("the pooler dies") is not its member's. Never the device's
   * crash target.
   */
  partCrash?(d: DeviceView): CrashPlan | undefined;
  /** The files fabric renders for it on a device. */
  files(d: DeviceView): FileSpec[];
  /** The part of the model its files print (which secrets end up in its files). */
  printed(d: DeviceView): unknown;
  push: PushDriver;
  drift: DriftDriver;
  lab: LabDriver;
}

/** Drivers by daemon name, in the order their steps run. */
export type DaemonRegistry = Readonly<Record<string, DaemonDriver>>;
