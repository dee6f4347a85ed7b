/** What the demonstration sign-in providers keep in the database, so every Guichet process can run them. */
export interface IdpOidcStateTable {
  provider: string;
  model: string;
  id: string;
  payload: unknown;
  grant_id: string | null;
  uid: string | null;
  user_code: string | null;
  expires_at: Date | null;
}

export interface IdpProviderMaterialTable {
  provider: string;
  material: unknown;
  created_at: Date;
}

export interface IdpFailureTable {
  provider: string;
  counter: string;
  key: string;
  window_start: Date;
  failures: number;
  locked_until: Date | null;
}

export interface IdentityProviderTables {
  idp_oidc_state: IdpOidcStateTable;
  idp_provider_material: IdpProviderMaterialTable;
  idp_failure: IdpFailureTable;
}

declare module '../../platform/db/schema.ts' {
  interface DB extends IdentityProviderTables {}
}
