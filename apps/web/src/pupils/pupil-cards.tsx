import type { Locale } from "@neuronlab/config/locales";
import { getTranslations } from "next-intl/server";
import { authSettings } from "@/auth/config";
import { localePath } from "@/i18n/paths";
import { QrCode } from "@/teaching/qr-code";
import type { NewPupilCard } from "./pupils";

/** A card's sign-in link, on the site's canonical address (never a request's headers). */
export function cardUrl(code: string, locale: Locale): string {
  return new URL(localePath(`/card/${code}`, locale), authSettings().siteUrl).toString();
}

/** The page where a code is typed, as printed on the card: without the scheme, to be read. */
function typingAddress(locale: Locale): string {
  const url = new URL(localePath("/card", locale), authSettings().siteUrl);
  return `${url.host}${url.pathname}`;
}

/**
 * Printable sign-in cards, one per pupil: their name, a QR code of their link, the link and the
 * short code. On screen a grid; printed, several to an A4 page, none split across two.
 */
export async function PupilCards({ cards, locale }: { cards: NewPupilCard[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "Pupils.Card" });
  const typeAt = typingAddress(locale);
  return (
    <ul className="mt-4 grid gap-4 sm:grid-cols-2 print:mt-0 print:grid-cols-2 print:gap-[6mm]">
      {cards.map((card) => {
        const url = cardUrl(card.code, locale);
        return (
          <li
            key={card.pupilId}
            data-pupil-card={card.pupilId}
            className="pupil-card flex break-inside-avoid gap-3 rounded-lg border-2 border-dashed border-line bg-panel p-3 text-sm print:border-black print:bg-white print:text-black"
          >
            <div className="shrink-0 [&>div]:w-32 print:[&>div]:w-[34mm]">
              <QrCode text={url} label={t("qrLabel", { name: card.name })} />
            </div>
            <div className="min-w-0">
              <p className="text-xs font-semibold tracking-wide text-muted uppercase print:text-black">
                {t("heading")}
              </p>
              <p className="mt-1 text-lg leading-tight font-bold break-words">{card.name}</p>
              <p className="mt-2 text-xs">{t("scan")}</p>
              <p className="font-mono text-xs break-all">{url}</p>
              <p className="mt-2 text-xs">{t("orType", { url: typeAt })}</p>
              <p className="font-mono text-lg font-bold tracking-widest" data-card-code>
                {card.code}
              </p>
              <p className="mt-1 text-xs text-muted print:text-black">{t("keep")}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
