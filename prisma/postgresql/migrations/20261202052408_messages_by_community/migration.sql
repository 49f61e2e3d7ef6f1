-- DropIndex
DROP INDEX "OutboundMessage_account_status_id_idx";

-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN     "community" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "community" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "OutboundMessage_account_community_status_id_idx" ON "OutboundMessage"("account", "community", "status", "id");

