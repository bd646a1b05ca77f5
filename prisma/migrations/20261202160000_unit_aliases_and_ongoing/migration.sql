-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "ongoing" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "UnitAlias" (
    "id" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitAlias_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UnitAlias_key_key" ON "UnitAlias"("key");

-- CreateIndex
CREATE INDEX "UnitAlias_unitId_idx" ON "UnitAlias"("unitId");

-- AddForeignKey
ALTER TABLE "UnitAlias" ADD CONSTRAINT "UnitAlias_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
