-- One account may serve several communities: each stored and queued message names the
-- community whose bot handles it. Rows from before stay '' (read by every bot of their account).
ALTER TABLE "InboundMessage" ADD COLUMN "community" TEXT NOT NULL DEFAULT '';
ALTER TABLE "OutboundMessage" ADD COLUMN "community" TEXT NOT NULL DEFAULT '';
DROP INDEX "OutboundMessage_account_status_id_idx";
CREATE INDEX "OutboundMessage_account_community_status_id_idx" ON "OutboundMessage"("account", "community", "status", "id");
