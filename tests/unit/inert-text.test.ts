/**
 * Text is inert in the admin: no component hands stored text to the browser as HTML. React
 * escapes everything else, so this guard is what keeps a label such as
 * `<img src=x onerror=alert(1)>` a label.
 */
import fs from 'node:fs';
import path from 'node:path';

const ADMIN = path.resolve(__dirname, '..', '..', 'admin', 'src');
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(tsx?|jsx?)$/.test(entry.name) ? [full] : [];
  });

describe('admin renders stored text as text', () => {
  const files = sources(ADMIN);

  it('finds the admin sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each([
    'dangerouslySetInnerHTML',
    'innerHTML',
    'outerHTML',
    'insertAdjacentHTML',
    'document.write',
  ])('never uses %s', (api) => {
    const offenders = files.filter((file) => fs.readFileSync(file, 'utf8').includes(api));
    expect(offenders.map((f) => path.relative(ADMIN, f))).toEqual([]);
  });
});
