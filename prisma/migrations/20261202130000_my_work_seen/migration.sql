-- AlterTable
ALTER TABLE "User" ADD COLUMN     "myWorkSeenAt" TIMESTAMPTZ(3);

