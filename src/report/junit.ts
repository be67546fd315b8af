/** JUnit XML, the format CI systems read: one suite per group, one case per check. */
export interface JunitCase {
  name: string;
  classname: string;
  ok: boolean;
  message: string;
  seconds: number;
}

export interface JunitSuite {
  name: string;
  cases: JunitCase[];
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function junitXml(name: string, suites: JunitSuite[]): string {
  const total = suites.reduce((n, s) => n + s.cases.length, 0);
  const failures = suites.reduce((n, s) => n + s.cases.filter((c) => !c.ok).length, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlEscape(name)}" tests="${total}" failures="${failures}">`,
  ];
  for (const s of suites) {
    const f = s.cases.filter((c) => !c.ok).length;
    lines.push(`  <testsuite name="${xmlEscape(s.name)}" tests="${s.cases.length}" failures="${f}">`);
    for (const c of s.cases) {
      const open = `    <testcase name="${xmlEscape(c.name)}" classname="${xmlEscape(c.classname)}" time="${c.seconds.toFixed(3)}"`;
      if (c.ok) lines.push(`${open}/>`);
      else lines.push(`${open}>`, `      <failure message="${xmlEscape(c.message)}"/>`, '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
