-- Catalogue editing in the browser (issue #17): programmes and areas carry a
-- version for optimistic concurrency, and a suspended measure keeps when and why.
ALTER TABLE "Programme" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Area" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Measure" ADD COLUMN "suspendedAt" TIMESTAMPTZ(3),
ADD COLUMN "suspendedReason" TEXT;
