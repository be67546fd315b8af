/**
 * Drift in the Prometheus text exposition format (version 0.0.4,
 * https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format), for
 * node_exporter's textfile collector or any scraper: a gauge per device and kind of drift (0 when
 * clean, so alerts never depend on a series appearing), per device and severity, whether each
 * device could be read over SSH and answered SNMP, and how long the pass took. Metric names and
 * labels are documented in docs/drift.md; unreadable devices have no findings series (unknown
 * is not zero), only `fabric_drift_device_readable 0`.
 */
import { clusterOfDevice } from '../drift/cluster-resources.js';
import {
  CONFIG_DRIFT_KINDS,
  DRIFT_KINDS,
  type DriftReport,
  driftKindOf,
  SEVERITIES,
} from '../drift/types.js';

interface Metric {
  name: string;
  help: string;
  samples: { labels: Record<string, string>; value: number }[];
}

/** Label values escape backslash, double quote and newline. */
export function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '+Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(v);
}

function render(metrics: Metric[]): string {
  const out: string[] = [];
  for (const m of metrics) {
    out.push(`# HELP ${m.name} ${m.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`);
    out.push(`# TYPE ${m.name} gauge`);
    for (const s of m.samples) {
      const labels = Object.entries(s.labels)
        .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
        .join(',');
      out.push(`${m.name}${labels ? `{${labels}}` : ''} ${formatValue(s.value)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

export function driftPrometheus(r: DriftReport): string {
  const site = r.site;
  const unreadable = new Set(r.unreadable.map((u) => u.device));
  const readable = r.devices.filter((d) => !unreadable.has(d.name));
  const findings: Metric = {
    name: 'fabric_drift_findings',
    help: 'Drift findings on a device by kind of drift (config-missing, config-extra, config-changed, or the runtime check); 0 when clean.',
    samples: [],
  };
  const severity: Metric = {
    name: 'fabric_drift_severity_findings',
    help: 'Drift findings on a device by severity (critical, major, minor).',
    samples: [],
  };
  for (const d of readable) {
    const mine = r.findings.filter((f) => f.device === d.name);
    // a cluster (`k8s:<c>`) is compared by its resources only: no daemon, runtime or SNMP kinds
    const kinds = clusterOfDevice(d.name) === undefined ? DRIFT_KINDS : CONFIG_DRIFT_KINDS;
    for (const kind of kinds)
      findings.samples.push({
        labels: { site, device: d.name, kind },
        value: mine.filter((f) => driftKindOf(f) === kind).length,
      });
    for (const s of SEVERITIES)
      severity.samples.push({
        labels: { site, device: d.name, severity: s },
        value: mine.filter((f) => f.severity === s).length,
      });
  }
  return render([
    findings,
    severity,
    {
      name: 'fabric_drift_device_readable',
      help: 'Whether the device could be read over SSH (1) or not (0: its drift is unknown).',
      samples: r.devices.map((d) => ({
        labels: { site, device: d.name },
        value: unreadable.has(d.name) ? 0 : 1,
      })),
    },
    {
      name: 'fabric_drift_snmp_up',
      help: "Whether the device answered the NOC's SNMP requests (1) or not (0); absent when SNMP is not polled.",
      samples: r.devices
        .filter((d) => d.snmp !== 'off')
        .map((d) => ({ labels: { site, device: d.name }, value: d.snmp === 'answered' ? 1 : 0 })),
    },
    {
      name: 'fabric_drift_devices',
      help: 'Devices drift watches on the site (managed devices with daemons).',
      samples: [{ labels: { site }, value: r.devices.length }],
    },
    {
      name: 'fabric_drift_scrape_duration_seconds',
      help: 'Seconds the drift pass took (reading every device over SSH and SNMP, comparing, checking).',
      samples: [{ labels: { site }, value: Math.round(r.seconds * 1000) / 1000 }],
    },
    {
      name: 'fabric_drift_last_pass_timestamp_seconds',
      help: 'Unix time the drift pass started.',
      samples: [{ labels: { site }, value: Math.floor(Date.parse(r.time) / 1000) }],
    },
  ]);
}
