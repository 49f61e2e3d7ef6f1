-- CreateTable
CREATE TABLE "Community" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "botName" TEXT NOT NULL DEFAULT '网格助手',

    CONSTRAINT "Community_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Grid" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Grid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Building" (
    "id" SERIAL NOT NULL,
    "gridId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,

    CONSTRAINT "Building_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Room" (
    "id" SERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'residents',
    "gridId" INTEGER,
    "building" TEXT,
    "chatId" TEXT,

    CONSTRAINT "Room_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "alias" TEXT,
    "chatId" TEXT,
    "remarkKey" TEXT,
    "fromOrg" BOOLEAN NOT NULL DEFAULT false,
    "gridId" INTEGER,
    "building" TEXT,
    "unit" TEXT,
    "room" TEXT,
    "employer" TEXT,
    "employerAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Post" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "gridId" INTEGER,
    "buildingId" INTEGER,
    "orgUnit" TEXT,
    "handles" TEXT NOT NULL DEFAULT '[]',
    "units" TEXT NOT NULL DEFAULT '[]',
    "phonePublic" TEXT,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BindCode" (
    "code" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "BindCode_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "InboundMessage" (
    "id" SERIAL NOT NULL,
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
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "handledAt" TIMESTAMP(3),
    "error" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'text',
    "quote" TEXT,

    CONSTRAINT "InboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundMessage" (
    "id" SERIAL NOT NULL,
    "targetKind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "origin" TEXT,
    "mediaId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "notBefore" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'queued',
    "sentAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "reserved" BOOLEAN NOT NULL DEFAULT false,
    "repeatable" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "OutboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediaFile" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediaFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyValue" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "KeyValue_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Throttle" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),
    "toldAt" TIMESTAMP(3),

    CONSTRAINT "Throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "PendingAction" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "PendingAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL,
    "acceptBy" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "resolveBy" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "resolution" TEXT,
    "rateBy" TIMESTAMP(3),
    "rating" INTEGER,
    "ratingComment" TEXT,
    "closedAt" TIMESTAMP(3),
    "mergedIntoId" INTEGER,

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketEvent" (
    "id" SERIAL NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "assignees" TEXT NOT NULL DEFAULT '[]',
    "actor" TEXT,
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,

    CONSTRAINT "TicketEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" SERIAL NOT NULL,
    "createdBy" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "targets" TEXT NOT NULL,
    "repeat" TEXT NOT NULL,
    "schedule" TEXT NOT NULL,
    "timeOfDay" TEXT NOT NULL,
    "weekday" INTEGER,
    "monthDay" INTEGER,
    "firstAt" TIMESTAMP(3),
    "content" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "nextRunAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticePost" (
    "id" SERIAL NOT NULL,
    "noticeId" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "roomTopic" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'queued',
    "outboundId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NoticePost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 120,
    "place" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "targets" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "checkinCode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "remindedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signup" (
    "id" SERIAL NOT NULL,
    "activityId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "checkedInAt" TIMESTAMP(3),
    "checkedInBy" TEXT,

    CONSTRAINT "Signup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "delta" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "refKey" TEXT,
    "actor" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogItem" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "cost" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "CatalogItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Redemption" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "itemId" INTEGER NOT NULL,
    "cost" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "issuedAt" TIMESTAMP(3),
    "issuedBy" TEXT,

    CONSTRAINT "Redemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsoleSession" (
    "id" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "csrf" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsoleSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsoleLogin" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "code" TEXT,
    "alias" TEXT,
    "browser" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "ConsoleLogin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsoleAudit" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "alias" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "detail" TEXT,
    "outcome" TEXT NOT NULL,
    "message" TEXT,

    CONSTRAINT "ConsoleAudit_pkey" PRIMARY KEY ("id")
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
CREATE UNIQUE INDEX "Person_remarkKey_key" ON "Person"("remarkKey");

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
CREATE UNIQUE INDEX "MediaFile_inboundId_key" ON "MediaFile"("inboundId");

-- CreateIndex
CREATE INDEX "MediaFile_personId_createdAt_idx" ON "MediaFile"("personId", "createdAt");

-- CreateIndex
CREATE INDEX "MediaFile_ticketId_idx" ON "MediaFile"("ticketId");

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

-- CreateIndex
CREATE INDEX "ConsoleSession_alias_idx" ON "ConsoleSession"("alias");

-- CreateIndex
CREATE INDEX "ConsoleLogin_kind_code_idx" ON "ConsoleLogin"("kind", "code");

-- CreateIndex
CREATE INDEX "ConsoleAudit_at_idx" ON "ConsoleAudit"("at");

-- AddForeignKey
ALTER TABLE "Building" ADD CONSTRAINT "Building_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Room" ADD CONSTRAINT "Room_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketEvent" ADD CONSTRAINT "TicketEvent_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticePost" ADD CONSTRAINT "NoticePost_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signup" ADD CONSTRAINT "Signup_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signup" ADD CONSTRAINT "Signup_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Redemption" ADD CONSTRAINT "Redemption_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Redemption" ADD CONSTRAINT "Redemption_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CatalogItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

