-- What each pending webhook event is about (services/webhook_verwijzingen.h): "persoon:<id>",
-- "vir-signaal:<id>", "vt-zaak:<id>" — internal ids, never a BSN. When the person is erased,
-- the signal ends with its registration or the case is destroyed, the undelivered events that
-- name it are deleted instead of delivered (AVG-04, VIR-12). Rows exist only while their
-- event is pending: delivering or giving up an event, and deleting a webhook with its pending
-- events, remove them. No foreign key to webhook_outbox, whose rows are deleted in several
-- places; the service keeps both in step.
CREATE TABLE webhook_outbox_verwijzingen (
  outbox_id TEXT NOT NULL,
  verwijzing TEXT NOT NULL,
  PRIMARY KEY (verwijzing, outbox_id)
);
CREATE INDEX webhook_outbox_verwijzingen_outbox ON webhook_outbox_verwijzingen (outbox_id);
