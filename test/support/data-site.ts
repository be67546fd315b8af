/**
 * A data-tier fixture's rendered site, for the namespace tests (Redis, PostgreSQL, RabbitMQ):
 * rendered by `load()` in the test's beforeAll (once the daemons it checks are installed), then
 * read by device and file, and web1's HAProxy with the service's `data-write` budget.
 */
import { runsProxy } from '../../src/model/runs.js';
import { renderExample } from './render.js';

export function renderedDataSite(fixture: string, siteName: string, service: string) {
  let sites: ReturnType<typeof renderExample> | undefined;
  const site = () => {
    const s = sites?.find((x) => x.site.name === siteName);
    if (!s) throw new Error(`${siteName} is not rendered: call load() in beforeAll`);
    return s;
  };
  const rendered = (device: string, file: string) =>
    site().rendered.files.find((f) => f.device === device && f.file === file)!.content;
  const web1 = () => {
    const d = site().site.devices.find((x) => x.name === 'web1')!;
    if (!runsProxy(d)) throw new Error('web1 runs no HAProxy');
    const budget = site().site.budgets.find((b) => b.kind === 'data-write' && b.subject === service)!;
    return { model: d.haproxy, cfg: rendered('web1', 'haproxy.cfg'), budget };
  };
  return {
    load: () => {
      sites = renderExample(fixture);
    },
    site,
    rendered,
    web1,
  };
}
