import type { IdentityProviderConfig } from '../platform/config/identity-config.ts';
import { personOf } from '../platform/http/request-identity.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import type { LoginRow } from '../identity/index.ts';
import type { PortalCard } from './portal-cards.ts';
import { portalPaths } from './portal.paths.ts';
import { myGuichetPage } from './views/my-guichet.views.ts';

/** The person's sign-in methods, from the identity capability. */
export interface AccountPort {
  listLogins(personId: string): Promise<LoginRow[]>;
  provider(id: string): IdentityProviderConfig | undefined;
}

export interface PortalHomeDependencies {
  readonly account: AccountPort;
  readonly cards: readonly PortalCard[];
}

/** My Guichet: the person's signed-in home, with a card for each capability and their sign-in methods. */
export function registerPortalHome(routes: RouteTable, { account, cards }: PortalHomeDependencies): void {
  routes.page('GET', portalPaths.home, 'signed-in', async (request, _reply, view) => {
    const identity = personOf(request);
    const logins = identity.personId ? await account.listLogins(identity.personId) : [];
    const providerName = (id: string) => {
      const provider = account.provider(id);
      return provider ? (view.lang === 'fr' ? provider.nameFr : provider.nameEn) : id;
    };
    const page = myGuichetPage(view.t, {
      identity,
      provider: account.provider(identity.providerId),
      logins,
      providerName,
      cards,
      csrf: request.csrfToken(),
    });
    return view.send(page);
  });
}
