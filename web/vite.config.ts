/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Where `/api` goes in `vite` and `vite preview` (the Django server of `make run` by default). */
const apiTarget = process.env.JMT_API_TARGET ?? 'http://127.0.0.1:8000';

/**
 * Client-side routes of the three apps: `/m/anything` serves `m/index.html`, `/admin/anything`
 * serves `admin/index.html`, any other extension-less path serves `index.html` (dev and preview).
 */
function surfaceFallback(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0];
    const isPage = req.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/@')
      && !path.startsWith('/src/') && !path.startsWith('/node_modules/') && !/\.[a-zA-Z0-9]+$/.test(path);
    if (isPage) {
      if (path === '/m' || path.startsWith('/m/')) req.url = '/m/index.html';
      else if (path === '/admin' || path.startsWith('/admin/')) req.url = '/admin/index.html';
      else req.url = '/index.html';
    }
    next();
  };
  return {
    name: 'jmt-surface-fallback',
    configureServer(server) {
      server.middlewares.use(rewrite);
    },
    configurePreviewServer(server) {
      server.middlewares.use(rewrite);
    },
  };
}

type AntdStyleModule = typeof import('./scripts/antdStyle');

/** The antd components a surface's code imports (`import { Button, Card } from 'antd'` in its folder and in shared). */
function antdImports(folders: string[]): string[] {
  const names = new Set<string>();
  for (const folder of folders) {
    for (const entry of readdirSync(resolve(root, 'src', folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
      const code = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      for (const [, list] of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*'antd'/g)) {
        for (const part of list.split(',')) {
          const name = part.trim().split(/\s+as\s+/)[0];
          if (/^[A-Z]\w*$/.test(name)) names.add(name);
        }
      }
    }
  }
  return [...names].sort();
}

/**
 * The desktop surfaces' antd and pro-components styles as a stylesheet made at build time (scripts/antdStyle.tsx),
 * linked first in their pages' head. At run time cssinjs finds each of those styles in the file's cache-path rule
 * and neither generates nor injects it: the PC home's first render injected ~470 KB of CSS in ~90 `<style>` tags in
 * one long task (~150 ms of Lighthouse's blocking time). The H5 (antd-mobile, plain CSS) gets nothing.
 */
function antdStaticStyle(): Plugin {
  const surfaces = { merchant: ['merchant', 'shared'], admin: ['admin', 'shared'] } as const;
  const files: Partial<Record<keyof typeof surfaces, string>> = {};
  return {
    name: 'jmt-antd-static-style',
    apply: 'build',
    async buildStart() {
      const dir = mkdtempSync(join(tmpdir(), 'jmt-antd-style-'));
      try {
        const bundle = join(dir, 'antdStyle.cjs');
        await esbuild({
          entryPoints: [resolve(root, 'scripts/antdStyle.tsx')],
          outfile: bundle,
          bundle: true,
          platform: 'node',
          format: 'cjs',
          jsx: 'automatic',
          // antd names its CSS scopes differently outside production builds: the file must match the build's.
          define: { 'process.env.NODE_ENV': '"production"' },
          logLevel: 'warning',
        });
        const { extractSurfaceStyle } = createRequire(import.meta.url)(bundle) as AntdStyleModule;
        for (const [surface, folders] of Object.entries(surfaces) as [keyof typeof surfaces, readonly string[]][]) {
          const source = extractSurfaceStyle(surface, antdImports([...folders]));
          const hash = createHash('sha256').update(source).digest('hex').slice(0, 10);
          files[surface] = `assets/antd-${surface}-${hash}.css`;
          this.emitFile({ type: 'asset', fileName: files[surface], source });
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    transformIndexHtml(html, context) {
      const surface = context.path === '/index.html' ? 'merchant' : context.path === '/admin/index.html' ? 'admin' : undefined;
      const file = surface && files[surface];
      if (!file) return html;
      if (!html.includes('</title>')) throw new Error(`${context.path} has no <title> to put the antd stylesheet after`);
      // Before the app's own stylesheets (Vite adds them at the end of <head>): ours override antd's at equal weight.
      // For 「减弱动态效果」 the theme turns motion off, so none of the file's styles would be the ones drawn: the
      // file then does not apply at all and cssinjs generates and injects every style, as it did before.
      const link = `<link rel="stylesheet" href="/${file}" media="(prefers-reduced-motion: no-preference)" />`;
      return html.replace('</title>', `</title>\n    ${link}`);
    },
  };
}

/**
 * React and the router are a cached chunk shared by all three apps. Icons are not forced into one chunk: each page
 * pulls only the icons it draws (one shared icon chunk made every login page download all of them). Everything else is split by
 * Rollup along the entry points: antd + pro-components land in chunks shared by the merchant PC
 * and the back office only, antd-mobile in the H5's own, so no app downloads another's kit.
 */
function chunkOf(id: string): string | undefined {
  if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|@remix-run)\//.test(id)) return 'react';
  return undefined;
}

/**
 * Shared chunks are named after the package with the most code in them (or Rollup's name when our own code is the
 * most): a chunk named after the first package found in it had called the shared core (Babel helpers, lodash,
 * openapi-fetch and our own code) `antd-mobile-*.js` for 82 bytes of antd-mobile in it.
 */
function chunkNaming() {
  const sizes = new Map<string, number>();
  const plugin: Plugin = {
    name: 'jmt-chunk-naming',
    moduleParsed(info) {
      sizes.set(info.id, info.code?.length ?? 0);
    },
  };
  const nameOf = (moduleIds: readonly string[]): string => {
    const byPackage = new Map<string, number>();
    for (const id of moduleIds) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id);
      const owner = match ? match[1].replace('@', '').replace('/', '-') : '[name]';
      byPackage.set(owner, (byPackage.get(owner) ?? 0) + (sizes.get(id) ?? 0));
    }
    return [...byPackage].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '[name]';
  };
  return { plugin, nameOf };
}

const chunkSizes = chunkNaming();

export default defineConfig({
  root,
  base: '/',
  appType: 'mpa',
  plugins: [
    react(),
    surfaceFallback(),
    antdStaticStyle(),
    chunkSizes.plugin,
    // Pre-compressed copies (.gz and .br) beside every text asset: WhiteNoise and nginx serve them as they are.
    compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024 }),
  ],
  resolve: { alias: { '@': resolve(root, 'src') } },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: {
        merchant: resolve(root, 'index.html'),
        mobile: resolve(root, 'm/index.html'),
        admin: resolve(root, 'admin/index.html'),
      },
      output: {
        manualChunks: chunkOf,
        // Chunks under 20 KB that only define code are merged into chunks loaded at the same time: the signed-in
        // H5 home fetched 52 script files over HTTP/1.1's six connections, now about 25 (Lighthouse's simulated slow
        // 4G put its LCP at 3.5 s, now 3.0 s; see bench/RESULTS.md).
        experimentalMinChunkSize: 20_000,
        chunkFileNames: (chunk) =>
          chunk.isDynamicEntry || chunk.isEntry || chunk.name === 'react'
            ? 'assets/[name]-[hash].js'
            : `assets/${chunkSizes.nameOf(chunk.moduleIds)}-[hash].js`,
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
