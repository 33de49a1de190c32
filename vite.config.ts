import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The app is an installable PWA: the service worker precaches the whole shell (JS, CSS, HTML,
 * icons, fonts) so it starts with no network, and falls back to index.html for every route.
 * API calls (/auth, /rest, /realtime) are never cached by it: RxDB is the offline store.
 * A new version waits for the user ("update available"), never reloads by itself.
 */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'FitCoach',
        short_name: 'FitCoach',
        description: 'Offline-first personal training: programs, workout logging, habits and bookings.',
        lang: 'en',
        theme_color: '#0f766e',
        background_color: '#0b1416',
        display: 'standalone',
        orientation: 'portrait',
        start_url: '/',
        scope: '/',
        categories: ['health', 'fitness', 'sports'],
        icons: [
          { src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
        shortcuts: [{ name: 'Today’s workout', short_name: 'Today', url: '/today', icons: [{ src: '/pwa-192x192.png', sizes: '192x192' }] }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff,woff2,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/auth\//, /^\/rest\//, /^\/realtime\//],
        cleanupOutdatedCaches: true,
        // The first service worker takes control of the page that installed it, so screens
        // loaded on demand (history, progress, bookings) come from the precache even if the
        // network goes before the next reload. Updates still wait for the user (no skipWaiting).
        clientsClaim: true,
        // No runtime caching: Supabase calls always go to the network (RxDB holds the data).
        runtimeCaching: [],
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: false },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
});
