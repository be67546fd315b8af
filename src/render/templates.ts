/**
 * The Handlebars environment: strict (a missing value is an error, never an empty string) and
 * without HTML escaping (these are config files). Every `.hbs` file under templates/ is a
 * partial named by its path (`frr/router-bgp`); the file catalog names the root templates.
 * No helpers of our own: templates only print the model with #if and #each; where the families
 * write an item differently (FRR's `ipv6 address`, an IPv6 bind's brackets), the item's `family`
 * names an inline partial through Handlebars' built-in `lookup` (templates/frr/interfaces.hbs,
 * templates/haproxy/frontends.hbs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

export type Template = (context: unknown) => string;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.hbs') ? [join(dir, e.name)] : [],
  );
}

/**
 * How every template is compiled. `strict`: a missing value is an error; `noEscape`: config files,
 * not HTML. The other two only make printing cheaper (~20 % of Handlebars' time over the 15,000
 * files of the 5,000-device benchmark), since templates use neither: `knownHelpersOnly`, a name
 * is never looked up as a helper (there are none but the built-ins: a template calling another
 * fails to compile); `data: false`, no `@index`/`@first` frame per `#each` item (Handlebars
 * turns it back on for a template that uses `@` data; a partial using it would need its caller
 * to, and the goldens would show it).
 */
const COMPILE_OPTIONS = { strict: true, noEscape: true, knownHelpersOnly: true, data: false } as const;

export class TemplateSet {
  private readonly hb = Handlebars.create();
  private readonly compiled = new Map<string, Template>();

  constructor(private readonly dir = TEMPLATES_DIR) {
    for (const file of walk(dir).sort()) {
      const name = relative(dir, file).replace(/\.hbs$/, '');
      const source = readFileSync(file, 'utf8');
      this.hb.registerPartial(name, this.hb.compile(source, COMPILE_OPTIONS));
      this.compiled.set(name, this.hb.compile(source, COMPILE_OPTIONS));
    }
  }

  get(name: string): Template {
    const t = this.compiled.get(name);
    if (!t) throw new Error(`no template ${name}.hbs in ${this.dir}`);
    return t;
  }
}
