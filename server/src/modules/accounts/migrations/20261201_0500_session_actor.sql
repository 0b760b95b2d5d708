-- The session lookup every logged-in request makes, returning also what GET /api/me shows (so /me costs no further
-- query). A plpgsql function keeps the plan of its query per connection: the hot path is parsed and planned once,
-- not on every request (on PGlite planning was 40 % of the lookup). The agency code: the current QĐ 20 code,
-- else the current legacy one.
CREATE FUNCTION session_actor(sid text)
RETURNS TABLE (
  csrf_token text, last_seen_at timestamptz, expires_at timestamptz, revoked_at timestamptz,
  user_id uuid, kind text, full_name text, username text, email text, phone text,
  agency_id uuid, agency_name text, agency_code text,
  must_change_password boolean, status text, roles text[], organisation_ids text[]
)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT s.csrf_token, s.last_seen_at, s.expires_at, s.revoked_at,
         u.id, u.kind, u.full_name, u.username, u.email, u.phone,
         u.agency_id, a.name,
         (SELECT c.code FROM agency_codes c
           WHERE c.agency_id = u.agency_id AND c.valid_to IS NULL
           ORDER BY (c.format = 'qd20') DESC, c.code LIMIT 1),
         u.must_change_password, u.status,
         coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '{}'),
         coalesce((SELECT array_agg(m.organisation_id::text ORDER BY m.organisation_id)
                   FROM organisation_members m WHERE m.user_id = u.id), '{}')
  FROM sessions s
  JOIN users u ON u.id = s.user_id
  LEFT JOIN agencies a ON a.id = u.agency_id
  WHERE s.id = sid;
END $$;
