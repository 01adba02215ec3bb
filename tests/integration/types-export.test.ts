/**
 * `strapi-plugin-newsroom/types` as a frontend resolves it: through package.json `exports`,
 * against the built declarations. Runs after the build `npm test` does first.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'types-consumer');
const tsc = (project: string) =>
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', project], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: 'pipe',
  });

describe('strapi-plugin-newsroom/types', () => {
  it('type-checks a consumer of the response types', () => {
    expect(() => tsc(FIXTURE)).not.toThrow();
  });

  it('catches a consumer that misreads the contract', () => {
    // Same resolution, one wrong field: the types must be real enough to refuse it.
    const dir = fs.mkdtempSync(path.join(FIXTURE, 'tmp-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'consumer.ts'),
        "import type { ArticleResponse } from 'strapi-plugin-newsroom/types';\n" +
          'export const wrong = (r: ArticleResponse): string => r.data.paragraphs[0];\n'
      );
      fs.copyFileSync(path.join(FIXTURE, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
      let output = '';
      try {
        tsc(dir);
      } catch (error: any) {
        output = String(error.stdout);
      }
      expect(output).toMatch(/Property 'paragraphs' does not exist on type 'RenderedArticle'/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
