#!/usr/bin/env node
// The `with-db` command (see scripts/with-db.ts), runnable by plain Node through tsx.
import { register } from "tsx/esm/api";

register();
await import("./scripts/with-db.ts");
