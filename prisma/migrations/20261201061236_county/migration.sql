-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Grid" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "community" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL
);
INSERT INTO "new_Grid" ("id", "name") SELECT "id", "name" FROM "Grid";
DROP TABLE "Grid";
ALTER TABLE "new_Grid" RENAME TO "Grid";
CREATE UNIQUE INDEX "Grid_community_name_key" ON "Grid"("community", "name");
CREATE TABLE "new_Room" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "topic" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'residents',
    "gridId" INTEGER,
    "building" TEXT,
    "chatId" TEXT,
    "community" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Room_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Room" ("building", "chatId", "gridId", "id", "kind", "topic") SELECT "building", "chatId", "gridId", "id", "kind", "topic" FROM "Room";
DROP TABLE "Room";
ALTER TABLE "new_Room" RENAME TO "Room";
CREATE UNIQUE INDEX "Room_topic_key" ON "Room"("topic");
CREATE TABLE "new_Post" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "gridId" INTEGER,
    "buildingId" INTEGER,
    "orgUnit" TEXT,
    "handles" TEXT NOT NULL DEFAULT '[]',
    "units" TEXT NOT NULL DEFAULT '[]',
    "phonePublic" TEXT,
    "community" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Post_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Post_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Post_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Post" ("buildingId", "gridId", "handles", "id", "orgUnit", "personId", "phonePublic", "role", "units") SELECT "buildingId", "gridId", "handles", "id", "orgUnit", "personId", "phonePublic", "role", "units" FROM "Post";
DROP TABLE "Post";
ALTER TABLE "new_Post" RENAME TO "Post";
CREATE INDEX "Post_role_idx" ON "Post"("role");
CREATE TABLE "new_Ticket" (
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
    "community" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Ticket_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Ticket" ("acceptBy", "acceptedAt", "assignedAt", "assignees", "building", "category", "closedAt", "createdAt", "gridName", "id", "inboundId", "mergedIntoId", "rateBy", "rating", "ratingComment", "reportCount", "reporterId", "resolution", "resolveBy", "resolvedAt", "room", "sourceRoom", "status", "step", "text", "tier", "told", "unit", "updatedAt", "urgency") SELECT "acceptBy", "acceptedAt", "assignedAt", "assignees", "building", "category", "closedAt", "createdAt", "gridName", "id", "inboundId", "mergedIntoId", "rateBy", "rating", "ratingComment", "reportCount", "reporterId", "resolution", "resolveBy", "resolvedAt", "room", "sourceRoom", "status", "step", "text", "tier", "told", "unit", "updatedAt", "urgency" FROM "Ticket";
DROP TABLE "Ticket";
ALTER TABLE "new_Ticket" RENAME TO "Ticket";
CREATE INDEX "Ticket_reporterId_status_idx" ON "Ticket"("reporterId", "status");
CREATE INDEX "Ticket_status_acceptBy_idx" ON "Ticket"("status", "acceptBy");
CREATE INDEX "Ticket_status_resolveBy_idx" ON "Ticket"("status", "resolveBy");
CREATE INDEX "Ticket_status_rateBy_idx" ON "Ticket"("status", "rateBy");
CREATE INDEX "Ticket_category_gridName_building_status_idx" ON "Ticket"("category", "gridName", "building", "status");
CREATE TABLE "new_Notice" (
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
    "cancelledAt" DATETIME,
    "community" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_Notice" ("cancelledAt", "content", "createdAt", "createdBy", "firstAt", "id", "monthDay", "nextRunAt", "repeat", "schedule", "scope", "status", "targets", "timeOfDay", "urgent", "weekday") SELECT "cancelledAt", "content", "createdAt", "createdBy", "firstAt", "id", "monthDay", "nextRunAt", "repeat", "schedule", "scope", "status", "targets", "timeOfDay", "urgent", "weekday" FROM "Notice";
DROP TABLE "Notice";
ALTER TABLE "new_Notice" RENAME TO "Notice";
CREATE INDEX "Notice_status_nextRunAt_idx" ON "Notice"("status", "nextRunAt");
CREATE TABLE "new_Activity" (
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
    "createdAt" DATETIME NOT NULL,
    "community" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_Activity" ("capacity", "checkinCode", "createdAt", "createdBy", "durationMinutes", "id", "place", "points", "remindedAt", "scope", "startsAt", "status", "targets", "title") SELECT "capacity", "checkinCode", "createdAt", "createdBy", "durationMinutes", "id", "place", "points", "remindedAt", "scope", "startsAt", "status", "targets", "title" FROM "Activity";
DROP TABLE "Activity";
ALTER TABLE "new_Activity" RENAME TO "Activity";
CREATE INDEX "Activity_status_startsAt_idx" ON "Activity"("status", "startsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

