import type { routing } from "./routing";
import type { Messages } from "./messages";

// next-intl checks every message key and the locales against these at compile time.
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: Messages;
  }
}
