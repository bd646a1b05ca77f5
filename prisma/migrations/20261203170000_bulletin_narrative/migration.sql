-- CreateTable
CREATE TABLE "BulletinNarrative" (
    "id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BulletinNarrative_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BulletinNarrative_month_scopeKey_lang_key" ON "BulletinNarrative"("month", "scopeKey", "lang");

-- AddForeignKey
ALTER TABLE "BulletinNarrative" ADD CONSTRAINT "BulletinNarrative_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
