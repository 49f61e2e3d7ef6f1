-- AlterTable
ALTER TABLE "Person" ADD COLUMN "remarkKey" TEXT;

-- CreateTable
CREATE TABLE "Throttle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL DEFAULT 0,
    "windowStart" DATETIME NOT NULL,
    "lockedUntil" DATETIME,
    "toldAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_InboundMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "messageId" TEXT NOT NULL,
    "roomTopic" TEXT,
    "senderChat" TEXT NOT NULL,
    "senderAlias" TEXT,
    "senderName" TEXT NOT NULL,
    "senderRemark" TEXT,
    "senderFriend" BOOLEAN NOT NULL DEFAULT false,
    "text" TEXT NOT NULL,
    "mentioned" BOOLEAN NOT NULL DEFAULT false,
    "fingerprint" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "handledAt" DATETIME,
    "error" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'text',
    "quote" TEXT
);
INSERT INTO "new_InboundMessage" ("error", "fingerprint", "handledAt", "id", "kind", "mentioned", "messageId", "quote", "receivedAt", "roomTopic", "senderAlias", "senderChat", "senderName", "status", "text") SELECT "error", "fingerprint", "handledAt", "id", "kind", "mentioned", "messageId", "quote", "receivedAt", "roomTopic", "senderAlias", "senderChat", "senderName", "status", "text" FROM "InboundMessage";
DROP TABLE "InboundMessage";
ALTER TABLE "new_InboundMessage" RENAME TO "InboundMessage";
CREATE UNIQUE INDEX "InboundMessage_messageId_key" ON "InboundMessage"("messageId");
CREATE INDEX "InboundMessage_status_idx" ON "InboundMessage"("status");
CREATE INDEX "InboundMessage_fingerprint_receivedAt_idx" ON "InboundMessage"("fingerprint", "receivedAt");
CREATE TABLE "new_OutboundMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "targetKind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "origin" TEXT,
    "mediaId" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "notBefore" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "sentAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "reserved" BOOLEAN NOT NULL DEFAULT false,
    "repeatable" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_OutboundMessage" ("attempts", "createdAt", "id", "lastError", "mediaId", "notBefore", "origin", "sentAt", "status", "target", "targetKind", "text", "urgent") SELECT "attempts", "createdAt", "id", "lastError", "mediaId", "notBefore", "origin", "sentAt", "status", "target", "targetKind", "text", "urgent" FROM "OutboundMessage";
DROP TABLE "OutboundMessage";
ALTER TABLE "new_OutboundMessage" RENAME TO "OutboundMessage";
CREATE INDEX "OutboundMessage_status_id_idx" ON "OutboundMessage"("status", "id");
CREATE INDEX "OutboundMessage_sentAt_idx" ON "OutboundMessage"("sentAt");
CREATE INDEX "OutboundMessage_origin_idx" ON "OutboundMessage"("origin");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Person_remarkKey_key" ON "Person"("remarkKey");

