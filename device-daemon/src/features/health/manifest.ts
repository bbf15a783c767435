import type { Manifest } from '../manifest.ts';
import { healthRoutes } from './routes.ts';

export const health: Manifest = {
  name: 'health',
  endpoints: { 'GET /healthz': 'public' },
  loads: 'start',
  base: '/',
  routes: () => healthRoutes(),
};
