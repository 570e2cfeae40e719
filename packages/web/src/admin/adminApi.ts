import { unwrap, type ParleyClient } from '@parley/client';

/** The /admin routes the screens call (typed by the SDK's generated REST types); the types below come from their answers. */

export type ReportStatus = 'open' | 'resolved';
export type ResolveAction = 'dismiss' | 'delete_message' | 'suspend_user';

const PAGE = 20;
const path = (id: string) => ({ params: { path: { id } } });

export async function listReports(client: ParleyClient, status: ReportStatus, cursor?: string) {
  return unwrap(await client.rest.GET('/admin/reports', { params: { query: { status, cursor, limit: PAGE } } }));
}

export async function resolveReport(client: ParleyClient, id: string, action: ResolveAction, note?: string) {
  return unwrap(await client.rest.POST('/admin/reports/{id}/resolve', { ...path(id), body: { action, ...(note ? { note } : {}) } })).report;
}

export async function getUserAsAdmin(client: ParleyClient, id: string) {
  return unwrap(await client.rest.GET('/admin/users/{id}', path(id)));
}

export async function suspendUser(client: ParleyClient, id: string, reason: string, until?: string): Promise<void> {
  unwrap(await client.rest.POST('/admin/users/{id}/suspend', { ...path(id), body: { reason, ...(until ? { until } : {}) } }));
}

export async function liftSuspension(client: ParleyClient, id: string): Promise<void> {
  unwrap(await client.rest.DELETE('/admin/users/{id}/suspend', path(id)));
}

export interface AuditQuery {
  action?: AuditEntry['action'];
  targetId?: string;
}

export async function listAuditLog(client: ParleyClient, filters: AuditQuery, cursor?: string) {
  return unwrap(await client.rest.GET('/admin/audit-log', { params: { query: { ...filters, cursor, limit: PAGE } } }));
}

export async function getStats(client: ParleyClient) {
  return unwrap(await client.rest.GET('/admin/stats'));
}

export type Report = Awaited<ReturnType<typeof listReports>>['reports'][number];
export type AuditEntry = Awaited<ReturnType<typeof getUserAsAdmin>>['auditEntries'][number];
export type AdminUser = Awaited<ReturnType<typeof getUserAsAdmin>>;
export type Stats = Awaited<ReturnType<typeof getStats>>;
