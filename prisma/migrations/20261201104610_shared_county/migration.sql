-- CreateTable
CREATE TABLE "AccountFriend" (
    "account" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "seenAt" DATETIME NOT NULL,

    PRIMARY KEY ("account", "alias")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_InboundMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "account" TEXT NOT NULL DEFAULT '',
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
INSERT INTO "new_InboundMessage" ("error", "fingerprint", "handledAt", "id", "kind", "mentioned", "messageId", "quote", "receivedAt", "roomTopic", "senderAlias", "senderChat", "senderFriend", "senderName", "senderRemark", "status", "text") SELECT "error", "fingerprint", "handledAt", "id", "kind", "mentioned", "messageId", "quote", "receivedAt", "roomTopic", "senderAlias", "senderChat", "senderFriend", "senderName", "senderRemark", "status", "text" FROM "InboundMessage";
DROP TABLE "InboundMessage";
ALTER TABLE "new_InboundMessage" RENAME TO "InboundMessage";
CREATE INDEX "InboundMessage_status_idx" ON "InboundMessage"("status");
CREATE INDEX "InboundMessage_fingerprint_receivedAt_idx" ON "InboundMessage"("fingerprint", "receivedAt");
CREATE INDEX "InboundMessage_senderChat_receivedAt_idx" ON "InboundMessage"("senderChat", "receivedAt");
CREATE INDEX "InboundMessage_senderAlias_receivedAt_idx" ON "InboundMessage"("senderAlias", "receivedAt");
CREATE UNIQUE INDEX "InboundMessage_account_messageId_key" ON "InboundMessage"("account", "messageId");
CREATE TABLE "new_OutboundMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "account" TEXT NOT NULL DEFAULT '',
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
INSERT INTO "new_OutboundMessage" ("attempts", "createdAt", "id", "lastError", "mediaId", "notBefore", "origin", "repeatable", "reserved", "sentAt", "status", "target", "targetKind", "text", "urgent") SELECT "attempts", "createdAt", "id", "lastError", "mediaId", "notBefore", "origin", "repeatable", "reserved", "sentAt", "status", "target", "targetKind", "text", "urgent" FROM "OutboundMessage";
DROP TABLE "OutboundMessage";
ALTER TABLE "new_OutboundMessage" RENAME TO "OutboundMessage";
CREATE INDEX "OutboundMessage_status_id_idx" ON "OutboundMessage"("status", "id");
CREATE INDEX "OutboundMessage_account_status_id_idx" ON "OutboundMessage"("account", "status", "id");
CREATE INDEX "OutboundMessage_status_sentAt_idx" ON "OutboundMessage"("status", "sentAt");
CREATE INDEX "OutboundMessage_sentAt_idx" ON "OutboundMessage"("sentAt");
CREATE INDEX "OutboundMessage_origin_idx" ON "OutboundMessage"("origin");
CREATE TABLE "new_MediaFile" (
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
    "community" TEXT NOT NULL DEFAULT '',
    "transcript" TEXT,
    "createdAt" DATETIME NOT NULL
);
INSERT INTO "new_MediaFile" ("community", "createdAt", "durationMs", "id", "inboundId", "kind", "path", "personId", "role", "roomTopic", "sha256", "size", "ticketId", "transcript") SELECT COALESCE((SELECT "Ticket"."community" FROM "Ticket" WHERE "Ticket"."id" = "MediaFile"."ticketId"), ''), "createdAt", "durationMs", "id", "inboundId", "kind", "path", "personId", "role", "roomTopic", "sha256", "size", "ticketId", "transcript" FROM "MediaFile";
DROP TABLE "MediaFile";
ALTER TABLE "new_MediaFile" RENAME TO "MediaFile";
CREATE UNIQUE INDEX "MediaFile_inboundId_key" ON "MediaFile"("inboundId");
CREATE INDEX "MediaFile_personId_createdAt_idx" ON "MediaFile"("personId", "createdAt");
CREATE INDEX "MediaFile_ticketId_idx" ON "MediaFile"("ticketId");
CREATE TABLE "new_PendingAction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "community" TEXT NOT NULL DEFAULT '',
    "personId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "doneAt" DATETIME
);
INSERT INTO "new_PendingAction" ("createdAt", "doneAt", "expiresAt", "id", "kind", "payload", "personId") SELECT "createdAt", "doneAt", "expiresAt", "id", "kind", "payload", "personId" FROM "PendingAction";
DROP TABLE "PendingAction";
ALTER TABLE "new_PendingAction" RENAME TO "PendingAction";
CREATE INDEX "PendingAction_personId_kind_doneAt_idx" ON "PendingAction"("personId", "kind", "doneAt");
CREATE INDEX "PendingAction_expiresAt_idx" ON "PendingAction"("expiresAt");
CREATE TABLE "new_Ticket" (
    "rowId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "id" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "step" INTEGER NOT NULL DEFAULT 0,
    "assignees" TEXT NOT NULL DEFAULT '[]',
    "told" TEXT NOT NULL DEFAULT '[]',
    "gridName" TEXT,
    "building" TEXT,
    "unit" TEXT,
    "room" TEXT,
    "text" TEXT NOT NULL,
    "sourceRoom" TEXT,
    "reporterId" INTEGER NOT NULL,
    "inboundId" INTEGER,
    "reportCount" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "assignedAt" DATETIME NOT NULL,
    "acceptBy" DATETIME,
    "acceptedAt" DATETIME,
    "resolveBy" DATETIME,
    "resolvedAt" DATETIME,
    "resolution" TEXT,
    "rateBy" DATETIME,
    "rating" INTEGER,
    "ratingComment" TEXT,
    "closedAt" DATETIME,
    "mergedIntoId" INTEGER,
    "community" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Ticket_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- The number a ticket had is its number in its community, and its row key too.
INSERT INTO "new_Ticket" ("rowId", "acceptBy", "acceptedAt", "assignedAt", "assignees", "building", "category", "closedAt", "community", "createdAt", "gridName", "id", "inboundId", "mergedIntoId", "rateBy", "rating", "ratingComment", "reportCount", "reporterId", "resolution", "resolveBy", "resolvedAt", "room", "sourceRoom", "status", "step", "text", "tier", "told", "unit", "updatedAt", "urgency") SELECT "id", "acceptBy", "acceptedAt", "assignedAt", "assignees", "building", "category", "closedAt", "community", "createdAt", "gridName", "id", "inboundId", "mergedIntoId", "rateBy", "rating", "ratingComment", "reportCount", "reporterId", "resolution", "resolveBy", "resolvedAt", "room", "sourceRoom", "status", "step", "text", "tier", "told", "unit", "updatedAt", "urgency" FROM "Ticket";
DROP TABLE "Ticket";
ALTER TABLE "new_Ticket" RENAME TO "Ticket";
CREATE INDEX "Ticket_reporterId_status_idx" ON "Ticket"("reporterId", "status");
CREATE INDEX "Ticket_status_acceptBy_idx" ON "Ticket"("status", "acceptBy");
CREATE INDEX "Ticket_status_resolveBy_idx" ON "Ticket"("status", "resolveBy");
CREATE INDEX "Ticket_status_rateBy_idx" ON "Ticket"("status", "rateBy");
CREATE INDEX "Ticket_category_gridName_building_status_idx" ON "Ticket"("category", "gridName", "building", "status");
CREATE UNIQUE INDEX "Ticket_community_id_key" ON "Ticket"("community", "id");
CREATE TABLE "new_TicketEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "community" TEXT NOT NULL DEFAULT '',
    "ticketId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "assignees" TEXT NOT NULL DEFAULT '[]',
    "actor" TEXT,
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    CONSTRAINT "TicketEvent_community_ticketId_fkey" FOREIGN KEY ("community", "ticketId") REFERENCES "Ticket" ("community", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- A ticket's history belongs to its community: ticketId is the number there.
INSERT INTO "new_TicketEvent" ("community", "actor", "assignees", "at", "escalated", "id", "kind", "note", "status", "ticketId", "tier") SELECT COALESCE((SELECT "Ticket"."community" FROM "Ticket" WHERE "Ticket"."id" = "TicketEvent"."ticketId"), ''), "actor", "assignees", "at", "escalated", "id", "kind", "note", "status", "ticketId", "tier" FROM "TicketEvent";
DROP TABLE "TicketEvent";
ALTER TABLE "new_TicketEvent" RENAME TO "TicketEvent";
CREATE INDEX "TicketEvent_community_ticketId_id_idx" ON "TicketEvent"("community", "ticketId", "id");
CREATE INDEX "TicketEvent_at_idx" ON "TicketEvent"("at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AccountFriend_alias_idx" ON "AccountFriend"("alias");

-- CreateIndex
CREATE INDEX "PendingAction_community_expiresAt_idx" ON "PendingAction"("community", "expiresAt");
