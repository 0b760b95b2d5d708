-- People who log in: citizens (and the representatives of organisations) and staff (001 Đ4, Đ7).
CREATE TABLE users (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                 text        NOT NULL CHECK (kind IN ('citizen', 'staff')),
  username             text,
  email                text,
  phone                text,
  email_verified_at    timestamptz,
  phone_verified_at    timestamptz,
  password_hash        text,
  full_name            text        NOT NULL,
  date_of_birth        date,
  id_number            text,
  address              text,
  agency_id            uuid REFERENCES agencies (id),
  department_id        uuid REFERENCES departments (id),
  status               text        NOT NULL CHECK (status IN ('pending', 'active', 'suspended', 'revoked')),
  must_change_password boolean     NOT NULL DEFAULT false,
  password_changed_at  timestamptz,
  oidc_subject         text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'staff' OR (agency_id IS NOT NULL AND username IS NOT NULL))
);
CREATE UNIQUE INDEX users_username_idx ON users (lower(username)) WHERE username IS NOT NULL;
CREATE UNIQUE INDEX users_email_idx ON users (lower(email)) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX users_phone_idx ON users (phone) WHERE phone IS NOT NULL;
CREATE UNIQUE INDEX users_oidc_idx ON users (oidc_subject) WHERE oidc_subject IS NOT NULL;
CREATE INDEX users_agency_idx ON users (agency_id) WHERE agency_id IS NOT NULL;

CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users (id),
  role    text NOT NULL CHECK (role IN ('reception_officer', 'specialist', 'approver', 'unit_admin',
                                        'catalogue_editor', 'leader', 'system_admin', 'postal_operator')),
  PRIMARY KEY (user_id, role)
);

-- Businesses and other organisations; several people may act for one (SPEC §4).
CREATE TABLE organisations (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                 text        NOT NULL,
  tax_code             text        NOT NULL,
  address              text        NOT NULL,
  legal_representative text        NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisations_tax_code_idx ON organisations (tax_code);

CREATE TABLE organisation_members (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  user_id         uuid NOT NULL REFERENCES users (id),
  role            text NOT NULL CHECK (role IN ('owner', 'member')),
  added_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX organisation_members_user_idx ON organisation_members (user_id);

-- Server-side sessions; the cookie carries a random token, the table only its SHA-256.
CREATE TABLE sessions (
  id           text PRIMARY KEY,
  user_id      uuid        NOT NULL REFERENCES users (id),
  csrf_token   text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

-- One-time codes for activation, re-verification and password reset: hashed, expiring, single-use.
CREATE TABLE one_time_codes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid        NOT NULL REFERENCES users (id),
  purpose     text        NOT NULL CHECK (purpose IN ('verify', 'reset_password')),
  channel     text        NOT NULL CHECK (channel IN ('email', 'sms')),
  destination text        NOT NULL,
  code_hash   text        NOT NULL,
  attempts    integer     NOT NULL DEFAULT 0,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX one_time_codes_user_idx ON one_time_codes (user_id, purpose, created_at DESC);
CREATE INDEX one_time_codes_destination_idx ON one_time_codes (destination, created_at DESC);

-- Failed log-ins per account and per IP address, for lockout with increasing delay. In the database, not in
-- memory, so every instance behind the load balancer sees the same count.
CREATE TABLE auth_throttle (
  key             text PRIMARY KEY,
  failures        integer     NOT NULL DEFAULT 0,
  last_failure_at timestamptz NOT NULL DEFAULT now(),
  locked_until    timestamptz
);

-- Single sign-on attempts in flight (state, nonce and PKCE verifier), consumed by the callback.
CREATE TABLE oidc_logins (
  state         text PRIMARY KEY,
  nonce         text        NOT NULL,
  code_verifier text        NOT NULL,
  return_to     text        NOT NULL DEFAULT '/',
  created_at    timestamptz NOT NULL DEFAULT now()
);
