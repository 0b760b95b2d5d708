import type { ColumnType, Generated } from 'kysely';
import type { TStaffRole } from '@motcua/contracts';
import type { Timestamp } from '../../db/schema';

export type UserStatus = 'pending' | 'active' | 'suspended' | 'revoked';

export type UsersTable = {
  id: Generated<string>;
  kind: 'citizen' | 'staff';
  username: string | null;
  email: string | null;
  phone: string | null;
  email_verified_at: Date | null;
  phone_verified_at: Date | null;
  password_hash: string | null;
  full_name: string;
  date_of_birth: string | null;
  id_number: string | null;
  address: string | null;
  agency_id: string | null;
  department_id: string | null;
  status: UserStatus;
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  password_changed_at: Date | null;
  oidc_subject: string | null;
  /** The language messages are sent in; null = not chosen. */
  preferred_locale: ColumnType<'vi' | 'en' | null, 'vi' | 'en' | null | undefined, 'vi' | 'en' | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type UserRolesTable = { user_id: string; role: TStaffRole };

export type OrganisationsTable = {
  id: Generated<string>;
  name: string;
  tax_code: string;
  address: string;
  legal_representative: string;
  created_at: Timestamp;
};

export type OrganisationMembersTable = {
  organisation_id: string;
  user_id: string;
  role: 'owner' | 'member';
  added_at: Timestamp;
};

export type SessionsTable = {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
};

export type CodePurpose = 'verify' | 'reset_password';

export type OneTimeCodesTable = {
  id: Generated<string>;
  user_id: string;
  purpose: CodePurpose;
  channel: 'email' | 'sms';
  destination: string;
  code_hash: string;
  attempts: Generated<number>;
  expires_at: Date;
  used_at: Date | null;
  created_at: Timestamp;
};

export type AuthThrottleTable = {
  key: string;
  failures: number;
  last_failure_at: Timestamp;
  locked_until: Date | null;
  /** Set on pair keys (`pair:<user>@<address>`) by a successful log-in. */
  last_success_at: Date | null;
};

export type OidcLoginsTable = {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: Timestamp;
};

export type AccountsTables = {
  users: UsersTable;
  user_roles: UserRolesTable;
  organisations: OrganisationsTable;
  organisation_members: OrganisationMembersTable;
  sessions: SessionsTable;
  one_time_codes: OneTimeCodesTable;
  auth_throttle: AuthThrottleTable;
  oidc_logins: OidcLoginsTable;
};
