import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress.ts';
import { prerender } from './prerender.ts';

/**
 * Libraries that change on their own schedule get chunks of their own, so a release of our code leaves them
 * cached on a citizen's phone (ADR 0021). Everything else follows the routes' dynamic imports.
 */
const vendorChunks = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'router', test: /node_modules[\\/](react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/ },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
];

// In `npm run dev` Vite serves the app with hot reload and forwards API calls to the server on :3000.
export default defineConfig({
  plugins: [react(), prerender(), precompress()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/metrics': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: { output: { codeSplitting: { groups: vendorChunks } } },
  },
});
