-- CreateTable
CREATE TABLE "ConsoleSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "alias" TEXT NOT NULL,
    "csrf" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ConsoleLogin" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "code" TEXT,
    "alias" TEXT,
    "browser" TEXT,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "usedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ConsoleAudit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "alias" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "detail" TEXT,
    "outcome" TEXT NOT NULL,
    "message" TEXT
);

-- CreateIndex
CREATE INDEX "ConsoleSession_alias_idx" ON "ConsoleSession"("alias");

-- CreateIndex
CREATE INDEX "ConsoleLogin_kind_code_idx" ON "ConsoleLogin"("kind", "code");

-- CreateIndex
CREATE INDEX "ConsoleAudit_at_idx" ON "ConsoleAudit"("at");

