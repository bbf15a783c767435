import type { Manifest } from '../manifest.ts';
import { auditRoutes } from './routes.ts';

export const audit: Manifest = {
  name: 'audit',
  endpoints: { 'GET /api/audit': 'installer' },
  loads: 'start',
  routes: (parts) => auditRoutes(parts.auditLog),
};
