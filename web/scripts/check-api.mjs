// Fails when src/shared/api/schema.d.ts is not what openapi.json generates (a stale client).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const spec = join(web, 'openapi.json');
const committed = join(web, 'src/shared/api/schema.d.ts');
if (!existsSync(spec)) {
  console.error('check:api: web/openapi.json is missing; export it with `manage.py export_openapi web/openapi.json`.');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'jmt-api-'));
const fresh = join(dir, 'schema.d.ts');
try {
  execFileSync(join(web, 'node_modules/.bin/openapi-typescript'), [spec, '-o', fresh], { stdio: 'pipe' });
  const a = readFileSync(fresh, 'utf8');
  const b = existsSync(committed) ? readFileSync(committed, 'utf8') : '';
  if (a !== b) {
    console.error('check:api: src/shared/api/schema.d.ts is stale: run `npm run gen:api` and commit the result.');
    process.exit(1);
  }
  console.log('check:api: generated client matches openapi.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
