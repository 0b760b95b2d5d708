-- A successful log-in marks its (account, address) pair as known: the account-wide slow-down (issue #11) does not
-- apply to addresses the owner has logged in from, so an attacker elsewhere cannot keep the owner out.
ALTER TABLE auth_throttle ADD COLUMN last_success_at timestamptz;
