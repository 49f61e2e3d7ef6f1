-- CreateTable
CREATE TABLE "TicketHolder" (
    "ticketRowId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "community" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("ticketRowId", "alias"),
    CONSTRAINT "TicketHolder_ticketRowId_fkey" FOREIGN KEY ("ticketRowId") REFERENCES "Ticket" ("rowId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TicketHolder_community_alias_current_idx" ON "TicketHolder"("community", "alias", "current");


-- Backfill: current holders from each ticket's list, past holders from its history.
INSERT OR IGNORE INTO "TicketHolder" ("ticketRowId", "alias", "current", "community")
SELECT t."rowId", j.value, 1, t."community" FROM "Ticket" t, json_each(t."assignees") j;

INSERT OR IGNORE INTO "TicketHolder" ("ticketRowId", "alias", "current", "community")
SELECT t."rowId", j.value, 0, t."community"
FROM "TicketEvent" e JOIN "Ticket" t ON t."community" = e."community" AND t."id" = e."ticketId", json_each(e."assignees") j;
