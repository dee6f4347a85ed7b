import type { DbExecutor } from '../../platform/db/schema.ts';
import { consumeState, deleteByGrant, deleteState, findState, upsertState } from './idp-state.repository.ts';

type Payload = Record<string, unknown>;

/**
 * oidc-provider's adapter interface over the database (`idp_oidc_state`), so sessions, interactions, grants,
 * codes and tokens of a demonstration provider are seen by every process that runs it (ADR 0013). One
 * adapter per model name, as oidc-provider asks; rows are keyed by provider, model and id.
 */
export function databaseAdapter(db: DbExecutor, provider: string, now: () => Date = () => new Date()) {
  return class DatabaseAdapter {
    private readonly key: { provider: string; model: string };

    constructor(model: string) {
      this.key = { provider, model };
    }

    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      const expiresAt = typeof expiresIn === 'number' ? new Date(now().getTime() + expiresIn * 1000) : null;
      await upsertState(db, this.key, id, payload, expiresAt);
    }

    find(id: string): Promise<Payload | undefined> {
      return findState(db, this.key, { id }, now());
    }

    findByUid(uid: string): Promise<Payload | undefined> {
      return findState(db, this.key, { uid }, now());
    }

    findByUserCode(userCode: string): Promise<Payload | undefined> {
      return findState(db, this.key, { userCode }, now());
    }

    consume(id: string): Promise<void> {
      return consumeState(db, this.key, id, now());
    }

    destroy(id: string): Promise<void> {
      return deleteState(db, this.key, id);
    }

    revokeByGrantId(grantId: string): Promise<void> {
      return deleteByGrant(db, provider, grantId);
    }
  };
}
