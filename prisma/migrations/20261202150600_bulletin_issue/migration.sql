-- CreateTable
CREATE TABLE "BulletinIssue" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "issuedById" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BulletinIssue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BulletinIssue_year_number_key" ON "BulletinIssue"("year", "number");

-- CreateIndex
CREATE UNIQUE INDEX "BulletinIssue_month_scopeKey_key" ON "BulletinIssue"("month", "scopeKey");

-- AddForeignKey
ALTER TABLE "BulletinIssue" ADD CONSTRAINT "BulletinIssue_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
