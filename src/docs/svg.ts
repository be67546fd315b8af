/**
 * Renders Mermaid diagrams to SVG with Mermaid's own renderer in Debian's headless Chromium: the
 * same check a reader's viewer makes, so a diagram that does not parse or lay out is an error here
 * and not a blank box on a wiki. Used by `fabric docs --svg`, `npm run docs:svg` and the tests.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Debian's package `chromium`; FABRIC_CHROMIUM names another binary. */
export const CHROMIUM = process.env.FABRIC_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Without these the browser reaches for Google's services at start (updates, sync, field trials),
 * which on a closed network stalls it; nothing here needs the network.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface DiagramSource {
  /** File name without extension, e.g. `c4-containers`. */
  name: string;
  mermaid: string;
}

export type RenderedDiagram = { name: string; svg: string } | { name: string; error: string };

/** Why diagrams cannot be rendered on this machine, or undefined when they can. */
export function rendererProblem(): string | undefined {
  if (!existsSync(CHROMIUM))
    return `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) or set FABRIC_CHROMIUM`;
  const require = createRequire(import.meta.url);
  for (const pkg of ['playwright-core', 'mermaid'])
    try {
      require.resolve(pkg === 'mermaid' ? 'mermaid/dist/mermaid.min.js' : pkg);
    } catch {
      return `the npm package ${pkg} is missing: install the dev dependencies (npm ci)`;
    }
  return undefined;
}

interface MermaidApi {
  initialize(config: unknown): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

/** The page's DOM, as much of it as the XML round trip uses (the project compiles without lib dom). */
interface BrowserXml {
  document: { createElement(tag: string): { innerHTML: string; firstElementChild: unknown } };
  XMLSerializer: new () => { serializeToString(node: unknown): string };
  DOMParser: new () => {
    parseFromString(
      text: string,
      type: string,
    ): {
      getElementsByTagName(tag: string): { textContent: string | null }[];
    };
  };
}

/** Mermaid's configuration for every rendering: no randomness, fixed fonts, nothing fetched. */
const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  deterministicIds: true,
  deterministicIDSeed: 'fabric',
  theme: 'base',
  // quiet labels and group boxes; node colours come from the diagrams' own classDefs
  themeVariables: { edgeLabelBackground: '#ffffff', clusterBkg: '#f7f8fb', clusterBorder: '#8a94a6' },
  fontFamily: 'DejaVu Sans, Arial, sans-serif',
  flowchart: { htmlLabels: true, curve: 'basis', nodeSpacing: 30, rankSpacing: 50, useMaxWidth: false },
  maxTextSize: 5_000_000,
  maxEdges: 100_000,
};

/**
 * Renders every diagram in one browser, one at a time; each result is its SVG or Mermaid's error.
 * `progress` is called after each diagram.
 */
export async function renderDiagrams(
  diagrams: readonly DiagramSource[],
  progress?: (done: number, total: number) => void,
): Promise<RenderedDiagram[]> {
  const problem = rendererProblem();
  if (problem) throw new Error(problem);
  const require = createRequire(import.meta.url);
  const { chromium } = (await import('playwright-core')) as typeof import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    await page.evaluate((config) => {
      (globalThis as unknown as { mermaid: MermaidApi }).mermaid.initialize(config);
    }, MERMAID_CONFIG);
    const results: RenderedDiagram[] = [];
    for (const d of diagrams) {
      const r = await page.evaluate(
        async ({ id, text }) => {
          try {
            const { svg } = await (globalThis as unknown as { mermaid: MermaidApi }).mermaid.render(id, text);
            // Mermaid writes HTML labels (`<br>`) into the SVG: read it as HTML and write it out as
            // XML, so the file is a valid SVG on its own (an <img> on a wiki, a viewer)
            const web = globalThis as unknown as BrowserXml;
            const holder = web.document.createElement('div');
            holder.innerHTML = svg;
            const xml = new web.XMLSerializer().serializeToString(holder.firstElementChild);
            const parsed = new web.DOMParser().parseFromString(xml, 'image/svg+xml');
            const bad = parsed.getElementsByTagName('parsererror')[0];
            if (bad) return { svg: '', error: `not a valid SVG: ${bad.textContent}` };
            return { svg: xml, error: '' };
          } catch (e) {
            return { svg: '', error: String((e as Error)?.message ?? e) || 'render failed' };
          }
        },
        { id: `fabric-${d.name.replace(/[^A-Za-z0-9-]/g, '-')}`, text: d.mermaid },
      );
      results.push(r.error ? { name: d.name, error: r.error } : { name: d.name, svg: r.svg });
      progress?.(results.length, diagrams.length);
    }
    return results;
  } finally {
    await browser.close();
  }
}
