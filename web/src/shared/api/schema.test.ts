import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const web = fileURLToPath(new URL('../../../', import.meta.url));

describe('generated API client', () => {
  it.skipIf(!existsSync(`${web}/openapi.json`))('matches openapi.json (run `npm run gen:api` when this fails)', () => {
    const run = () => execFileSync('node', ['scripts/check-api.mjs'], { cwd: web, stdio: 'pipe' }).toString();
    expect(run).not.toThrow();
  }, 30_000);
});
