import { DEFAULT_LOCALE, isLocale, type Locale } from "@neuronlab/config/locales";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./messages";

/** The language and messages of a request, for server components (next-intl's plugin reads this). */
// eslint-disable-next-line @typescript-eslint/no-deprecated -- see eslint.config.js (root params)
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale: Locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return { locale, messages: await loadMessages(locale), timeZone: "Europe/Berlin" };
});
