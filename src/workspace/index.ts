/**
 * The staff workspace: the staff home, finding a client, stating why a file is opened, the client record with
 * corrections, tell-us-once deliveries, and role administration. Staff serve people here by phone and in person.
 */
import type { RouteTable } from '../platform/http/route-table.ts';
import { registerClientRecordRoutes } from './client-record.routes.ts';
import type { ClientRecordRouteDependencies } from './client-record.routes.ts';
import { registerCorrectionRoutes } from './corrections.routes.ts';
import { registerDeliveryRoutes } from './deliveries.routes.ts';
import type { Exchange } from '../exchange/index.ts';
import { registerWorkspaceRoutes } from './workspace.routes.ts';
import type { WorkspaceRouteDependencies } from './workspace.routes.ts';

export const workspaceLocales = new URL('./locales/', import.meta.url);

export type WorkspaceDependencies = WorkspaceRouteDependencies &
  ClientRecordRouteDependencies & { readonly exchange: Pick<Exchange, 'service' | 'dispatcher'> };

export function registerWorkspace(routes: RouteTable, deps: WorkspaceDependencies): void {
  registerWorkspaceRoutes(routes, deps);
  registerClientRecordRoutes(routes, deps);
  registerCorrectionRoutes(routes, deps);
  registerDeliveryRoutes(routes, deps.exchange);
}

export { createFileAccessService, FILE_PURPOSES } from './file-access.service.ts';
export type { FileAccessService, FilePurpose } from './file-access.service.ts';
export { workspacePaths } from './workspace.paths.ts';
export type { ClientFileSection, StaffCard } from './staff-cards.ts';
export { workspaceNotices } from './workspace.routes.ts';
export { openClientFile } from './client-file.ts';
