-- DropForeignKey
ALTER TABLE "TicketEvent" DROP CONSTRAINT "TicketEvent_ticketId_fkey";

-- DropIndex
DROP INDEX "InboundMessage_messageId_key";

-- DropIndex
DROP INDEX "TicketEvent_ticketId_id_idx";

-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN     "account" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "account" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "MediaFile" ADD COLUMN     "community" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "PendingAction" ADD COLUMN     "community" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Ticket" DROP CONSTRAINT "Ticket_pkey",
ADD COLUMN     "rowId" SERIAL NOT NULL,
ALTER COLUMN "id" DROP DEFAULT,
ADD CONSTRAINT "Ticket_pkey" PRIMARY KEY ("rowId");

-- AlterTable
ALTER TABLE "TicketEvent" ADD COLUMN     "community" TEXT NOT NULL DEFAULT '';

-- A ticket's history (and its photos) belong to its community: ticketId is the number there.
UPDATE "TicketEvent" SET "community" = "Ticket"."community" FROM "Ticket" WHERE "Ticket"."id" = "TicketEvent"."ticketId";
UPDATE "MediaFile" SET "community" = "Ticket"."community" FROM "Ticket" WHERE "Ticket"."id" = "MediaFile"."ticketId";

-- CreateTable
CREATE TABLE "AccountFriend" (
    "account" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountFriend_pkey" PRIMARY KEY ("account","alias")
);

-- CreateIndex
CREATE INDEX "AccountFriend_alias_idx" ON "AccountFriend"("alias");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMessage_account_messageId_key" ON "InboundMessage"("account", "messageId");

-- CreateIndex
CREATE INDEX "OutboundMessage_account_status_id_idx" ON "OutboundMessage"("account", "status", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_community_id_key" ON "Ticket"("community", "id");

-- CreateIndex
CREATE INDEX "TicketEvent_community_ticketId_id_idx" ON "TicketEvent"("community", "ticketId", "id");

-- AddForeignKey
ALTER TABLE "TicketEvent" ADD CONSTRAINT "TicketEvent_community_ticketId_fkey" FOREIGN KEY ("community", "ticketId") REFERENCES "Ticket"("community", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "PendingAction_community_expiresAt_idx" ON "PendingAction"("community", "expiresAt");
