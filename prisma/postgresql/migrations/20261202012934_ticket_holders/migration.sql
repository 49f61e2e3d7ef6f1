-- CreateTable
CREATE TABLE "TicketHolder" (
    "ticketRowId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "community" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "TicketHolder_pkey" PRIMARY KEY ("ticketRowId","alias")
);

-- CreateIndex
CREATE INDEX "TicketHolder_community_alias_current_idx" ON "TicketHolder"("community", "alias", "current");

-- AddForeignKey
ALTER TABLE "TicketHolder" ADD CONSTRAINT "TicketHolder_ticketRowId_fkey" FOREIGN KEY ("ticketRowId") REFERENCES "Ticket"("rowId") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: current holders from each ticket's list, past holders from its history.
INSERT INTO "TicketHolder" ("ticketRowId", "alias", "current", "community")
SELECT t."rowId", j.value, true, t."community" FROM "Ticket" t CROSS JOIN LATERAL json_array_elements_text(t."assignees"::json) AS j(value)
ON CONFLICT DO NOTHING;

INSERT INTO "TicketHolder" ("ticketRowId", "alias", "current", "community")
SELECT t."rowId", j.value, false, t."community"
FROM "TicketEvent" e JOIN "Ticket" t ON t."community" = e."community" AND t."id" = e."ticketId"
CROSS JOIN LATERAL json_array_elements_text(e."assignees"::json) AS j(value)
ON CONFLICT DO NOTHING;
