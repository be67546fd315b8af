/**
 * What fabric writes for each daemon, and where it lives on the device: the files of the
 * device's daemon drivers (src/daemons/). Push uploads each file to `target` with `mode` and
 * `owner`; drift reads the same paths back.
 */

import { FRR_CONF, FRR_DAEMONS_FILE } from '../daemons/frr/index.js';
import { DAEMONS, driversOf } from '../daemons/index.js';
import type { DaemonRegistry, DeviceView, FileSpec } from '../daemons/types.js';

export type { FileSpec };

/** Where the rendered files go on a device (the drivers' targets), for push's reads of FRR's files. */
export const TARGETS = {
  frrConf: FRR_CONF,
  frrDaemons: FRR_DAEMONS_FILE,
} as const;

export function fileSpecs(device: DeviceView, registry: DaemonRegistry = DAEMONS): FileSpec[] {
  return driversOf(device, registry).flatMap((driver) => driver.files(device));
}
