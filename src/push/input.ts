/** What `fabric push` is given: the site, its rendered files, the options and the connections. */
import type { DeepReadonly } from '../model/freeze.js';
import type { SiteModel } from '../model/types.js';
import type { Manifest } from '../render/manifest.js';
import type { RenderedSite } from '../render/render.js';
import type { Redactor } from '../render/secrets.js';
import type { TemplateSet } from '../render/templates.js';
import type { SessionPool } from '../ssh/index.js';

export interface PushInput {
  site: DeepReadonly<SiteModel>;
  manifest: Manifest;
  rendered: RenderedSite;
  pushId: string;
  only: string[];
  dryRun: boolean;
  showDiff: boolean;
  canary: boolean;
  gateTimeoutMs: number;
  applyTimeoutMs: number;
  reconnectMs: number;
  /** Devices worked on at once, within a wave and when reading. */
  concurrency: number;
  lockDir: string;
  command: string;
  pool: SessionPool;
  templates: TemplateSet;
  redactor: Redactor;
  confirm: (summary: string) => Promise<boolean>;
  progress: (line: string) => void;
  /** Told when a wave starts (before its staging): `--probe-lab` cuts the probes' samples by wave. */
  onWaveStart?: (index: number) => void;
}
