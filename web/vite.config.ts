import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress.ts';

// In `npm run dev` Vite serves the app with hot reload and forwards API calls to the server on :3000.
export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/metrics': 'http://localhost:3000' },
  },
  build: { outDir: 'dist', sourcemap: true },
});
