/** Progress of `labUp`/`labDown`, for the CLI's progress display. */

export type LabPhase =
  /** parse, support and preflight checks (nothing touched yet) */
  | 'check'
  /** removing what a killed earlier run left behind */
  | 'cleanup-stale'
  /** namespaces, management bridge and links */
  | 'network'
  /** node layers: configs, keys, binds */
  | 'provision'
  /** node processes launched */
  | 'boot'
  /** node init finished (daemons started) */
  | 'init'
  /** topology `exec` commands */
  | 'exec'
  /** labDown: stopping nodes and removing everything */
  | 'destroy';

export interface LabEvent {
  phase: LabPhase;
  /** The node this step was about, when it was one node. */
  node?: string;
  done: number;
  total: number;
}

export type ProgressListener = (event: LabEvent) => void;
