-- CreateTable
CREATE TABLE "Community" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "botName" TEXT NOT NULL DEFAULT '网格助手'
);

-- CreateTable
CREATE TABLE "Grid" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Building" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "gridId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    CONSTRAINT "Building_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Room" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "topic" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'residents',
    "gridId" INTEGER,
    "building" TEXT,
    "chatId" TEXT,
    CONSTRAINT "Room_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "alias" TEXT,
    "chatId" TEXT,
    "fromOrg" BOOLEAN NOT NULL DEFAULT false,
    "gridId" INTEGER,
    "building" TEXT,
    "unit" TEXT,
    "room" TEXT,
    "employer" TEXT,
    "employerAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Post" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "gridId" INTEGER,
    "buildingId" INTEGER,
    "orgUnit" TEXT,
    "handles" TEXT NOT NULL DEFAULT '[]',
    "units" TEXT NOT NULL DEFAULT '[]',
    "phonePublic" TEXT,
    CONSTRAINT "Post_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Post_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Post_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BindCode" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "personId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" DATETIME
);

-- CreateTable
CREATE TABLE "InboundMessage" (
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
    "error" TEXT
);

-- CreateTable
CREATE TABLE "OutboundMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "targetKind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "origin" TEXT,
    "createdAt" DATETIME NOT NULL,
    "notBefore" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "sentAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT
);

-- CreateTable
CREATE TABLE "KeyValue" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "PendingAction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "doneAt" DATETIME
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    CONSTRAINT "Ticket_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TicketEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ticketId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "assignees" TEXT NOT NULL DEFAULT '[]',
    "actor" TEXT,
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    CONSTRAINT "TicketEvent_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "createdBy" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "targets" TEXT NOT NULL,
    "repeat" TEXT NOT NULL,
    "schedule" TEXT NOT NULL,
    "timeOfDay" TEXT NOT NULL,
    "weekday" INTEGER,
    "monthDay" INTEGER,
    "firstAt" DATETIME,
    "content" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "nextRunAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdAt" DATETIME NOT NULL,
    "cancelledAt" DATETIME
);

-- CreateTable
CREATE TABLE "NoticePost" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "noticeId" INTEGER NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "roomTopic" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'queued',
    "outboundId" INTEGER,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "NoticePost_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 120,
    "place" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "targets" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "checkinCode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "remindedAt" DATETIME,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Signup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "activityId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "checkedInAt" DATETIME,
    "checkedInBy" TEXT,
    CONSTRAINT "Signup_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Signup_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "delta" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "refKey" TEXT,
    "actor" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "LedgerEntry_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CatalogItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "cost" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true
);

-- CreateTable
CREATE TABLE "Redemption" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "itemId" INTEGER NOT NULL,
    "cost" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "issuedAt" DATETIME,
    "issuedBy" TEXT,
    CONSTRAINT "Redemption_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Redemption_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CatalogItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Community_name_key" ON "Community"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Grid_name_key" ON "Grid"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Building_gridId_number_key" ON "Building"("gridId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Room_topic_key" ON "Room"("topic");

-- CreateIndex
CREATE UNIQUE INDEX "Person_alias_key" ON "Person"("alias");

-- CreateIndex
CREATE INDEX "Person_chatId_idx" ON "Person"("chatId");

-- CreateIndex
CREATE INDEX "Person_name_idx" ON "Person"("name");

-- CreateIndex
CREATE INDEX "Post_role_idx" ON "Post"("role");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMessage_messageId_key" ON "InboundMessage"("messageId");

-- CreateIndex
CREATE INDEX "InboundMessage_status_idx" ON "InboundMessage"("status");

-- CreateIndex
CREATE INDEX "InboundMessage_fingerprint_receivedAt_idx" ON "InboundMessage"("fingerprint", "receivedAt");

-- CreateIndex
CREATE INDEX "OutboundMessage_status_id_idx" ON "OutboundMessage"("status", "id");

-- CreateIndex
CREATE INDEX "OutboundMessage_sentAt_idx" ON "OutboundMessage"("sentAt");

-- CreateIndex
CREATE INDEX "OutboundMessage_origin_idx" ON "OutboundMessage"("origin");

-- CreateIndex
CREATE INDEX "Ticket_status_acceptBy_idx" ON "Ticket"("status", "acceptBy");

-- CreateIndex
CREATE INDEX "Ticket_status_resolveBy_idx" ON "Ticket"("status", "resolveBy");

-- CreateIndex
CREATE INDEX "Ticket_status_rateBy_idx" ON "Ticket"("status", "rateBy");

-- CreateIndex
CREATE INDEX "Ticket_category_gridName_building_status_idx" ON "Ticket"("category", "gridName", "building", "status");

-- CreateIndex
CREATE INDEX "TicketEvent_ticketId_id_idx" ON "TicketEvent"("ticketId", "id");

-- CreateIndex
CREATE INDEX "TicketEvent_at_idx" ON "TicketEvent"("at");

-- CreateIndex
CREATE INDEX "Notice_status_nextRunAt_idx" ON "Notice"("status", "nextRunAt");

-- CreateIndex
CREATE UNIQUE INDEX "NoticePost_noticeId_dueAt_roomTopic_key" ON "NoticePost"("noticeId", "dueAt", "roomTopic");

-- CreateIndex
CREATE INDEX "Activity_status_startsAt_idx" ON "Activity"("status", "startsAt");

-- CreateIndex
CREATE INDEX "Signup_activityId_status_createdAt_idx" ON "Signup"("activityId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Signup_activityId_personId_key" ON "Signup"("activityId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_refKey_key" ON "LedgerEntry"("refKey");

-- CreateIndex
CREATE INDEX "LedgerEntry_personId_id_idx" ON "LedgerEntry"("personId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogItem_name_key" ON "CatalogItem"("name");

-- CreateIndex
CREATE INDEX "Redemption_status_expiresAt_idx" ON "Redemption"("status", "expiresAt");

