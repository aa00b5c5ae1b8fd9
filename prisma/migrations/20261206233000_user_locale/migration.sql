-- The language a user chose (a code from locales.json), NULL until they choose one.
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
