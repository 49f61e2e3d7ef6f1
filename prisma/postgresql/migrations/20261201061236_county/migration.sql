-- DropIndex
DROP INDEX "Grid_name_key";

-- AlterTable
ALTER TABLE "Grid" ADD COLUMN     "community" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Room" ADD COLUMN     "community" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "community" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "community" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "community" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "community" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE UNIQUE INDEX "Grid_community_name_key" ON "Grid"("community", "name");

