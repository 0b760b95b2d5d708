-- Every outgoing message, written in the transaction of the change that causes it (outbox) and then
-- delivered by a job; the row keeps the delivery status for support and statistics (SPEC §11).
CREATE TABLE messages (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel     text        NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient   text        NOT NULL,
  template    text        NOT NULL,
  locale      text        NOT NULL CHECK (locale IN ('vi', 'en')),
  subject     text,
  body        text        NOT NULL,
  status      text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
  attempts    integer     NOT NULL DEFAULT 0,
  last_error  text,
  gateway     text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  sent_at     timestamptz
);
CREATE INDEX messages_created_idx ON messages (created_at DESC);
CREATE INDEX messages_recipient_idx ON messages (recipient, created_at DESC);

-- The local development gateway: messages "sent" here are only stored, and readable in the admin area.
CREATE TABLE local_outbox (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id uuid REFERENCES messages (id),
  channel    text        NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient  text        NOT NULL,
  subject    text,
  body       text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX local_outbox_created_idx ON local_outbox (created_at DESC);
