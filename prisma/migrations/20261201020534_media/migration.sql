-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN "mediaId" INTEGER;

-- CreateTable
CREATE TABLE "MediaFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "durationMs" INTEGER,
    "inboundId" INTEGER,
    "personId" INTEGER,
    "roomTopic" TEXT,
    "ticketId" INTEGER,
    "role" TEXT NOT NULL DEFAULT 'report',
    "transcript" TEXT,
    "createdAt" DATETIME NOT NULL
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
INSERT INTO "new_InboundMessage" ("error", "fingerprint", "handledAt", "id", "mentioned", "messageId", "receivedAt", "roomTopic", "senderAlias", "senderChat", "senderName", "status", "text") SELECT "error", "fingerprint", "handledAt", "id", "mentioned", "messageId", "receivedAt", "roomTopic", "senderAlias", "senderChat", "senderName", "status", "text" FROM "InboundMessage";
DROP TABLE "InboundMessage";
ALTER TABLE "new_InboundMessage" RENAME TO "InboundMessage";
CREATE UNIQUE INDEX "InboundMessage_messageId_key" ON "InboundMessage"("messageId");
CREATE INDEX "InboundMessage_status_idx" ON "InboundMessage"("status");
CREATE INDEX "InboundMessage_fingerprint_receivedAt_idx" ON "InboundMessage"("fingerprint", "receivedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "MediaFile_inboundId_key" ON "MediaFile"("inboundId");

-- CreateIndex
CREATE INDEX "MediaFile_personId_createdAt_idx" ON "MediaFile"("personId", "createdAt");

-- CreateIndex
CREATE INDEX "MediaFile_ticketId_idx" ON "MediaFile"("ticketId");

