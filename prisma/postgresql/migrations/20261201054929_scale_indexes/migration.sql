-- CreateIndex
CREATE INDEX "InboundMessage_senderChat_receivedAt_idx" ON "InboundMessage"("senderChat", "receivedAt");

-- CreateIndex
CREATE INDEX "OutboundMessage_status_sentAt_idx" ON "OutboundMessage"("status", "sentAt");

-- CreateIndex
CREATE INDEX "PendingAction_personId_kind_doneAt_idx" ON "PendingAction"("personId", "kind", "doneAt");

-- CreateIndex
CREATE INDEX "PendingAction_expiresAt_idx" ON "PendingAction"("expiresAt");

-- CreateIndex
CREATE INDEX "Ticket_reporterId_status_idx" ON "Ticket"("reporterId", "status");

-- CreateIndex
CREATE INDEX "Signup_personId_idx" ON "Signup"("personId");

