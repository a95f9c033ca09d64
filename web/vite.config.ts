/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

export default defineConfig({
  root,
  base: '/',
  appType: 'mpa',
  plugins: [
    react(),
    surfaceFallback(),
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
        chunkFileNames: (chunk) => {
          if (chunk.isDynamicEntry || chunk.isEntry) return 'assets/[name]-[hash].js';
          const has = (part: string) => chunk.moduleIds.some((id) => id.includes(part));
          if (has('node_modules/antd/')) return 'assets/antd-[hash].js';
          if (has('node_modules/antd-mobile/')) return 'assets/antd-mobile-[hash].js';
          return 'assets/[name]-[hash].js';
        },
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
