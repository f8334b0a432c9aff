import react from '@vitejs/plugin-react';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * pdf.js's data files, served at /pdfjs/… (dev) and copied into the build: the CMaps that
 * Chinese PDFs with non-embedded fonts need, the standard fonts, and the image decoders (wasm).
 * The scripting engine (quickjs) is left out: document scripts never run here.
 */
function pdfjsAssets(): Plugin {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const dirs = ['cmaps', 'standard_fonts', 'wasm'];
  const wanted = (file: string) => !file.startsWith('quickjs');
  return {
    name: 'xueshi-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const [dir, file, ...rest] = decodeURIComponent((req.url ?? '').split('?')[0]).split('/').filter(Boolean);
        const full = dir && file && !rest.length && dirs.includes(dir) && wanted(file) ? path.join(root, dir, path.basename(file)) : '';
        if (!full || !existsSync(full) || !statSync(full).isFile()) return next();
        if (file.endsWith('.wasm')) res.setHeader('content-type', 'application/wasm');
        res.end(readFileSync(full));
      });
    },
    generateBundle() {
      for (const dir of dirs) {
        for (const file of readdirSync(path.join(root, dir))) {
          if (!wanted(file)) continue;
          this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${file}`, source: readFileSync(path.join(root, dir, file)) });
        }
      }
    },
  };
}

// The shared contracts are imported from source so the client and server never drift.
export default defineConfig({
  plugins: [react(), pdfjsAssets()],
  resolve: {
    alias: { '@xueshi/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: { '/api': `http://127.0.0.1:${process.env.API_PORT ?? 3000}` },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
