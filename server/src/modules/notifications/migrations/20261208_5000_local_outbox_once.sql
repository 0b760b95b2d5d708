-- The local sink holds each message once: a delivery run again after its worker died between handing the message to
-- the sink and marking it sent (or taken by a second worker when its lease ran out) finds it there (the soak, issue 19).
DELETE FROM local_outbox a USING local_outbox b WHERE a.message_id = b.message_id AND a.id > b.id;
CREATE UNIQUE INDEX local_outbox_message_once ON local_outbox (message_id) WHERE message_id IS NOT NULL;
