-- CreateIndex
CREATE INDEX "InboundMessage_senderAlias_receivedAt_idx" ON "InboundMessage"("senderAlias", "receivedAt");

