-- Session tokens are stored as the SHA-256 (hex) of the cookie's value, never the value itself
-- (hashSessionToken in src/accounts.ts). Hash the rows stored in clear until now, in place, so every
-- signed-in browser keeps its session: its cookie hashes to the new row.
UPDATE "Session" SET "sessionToken" = encode(sha256(convert_to("sessionToken", 'UTF8')), 'hex');
