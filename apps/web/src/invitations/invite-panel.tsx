import type { Locale } from "next-intl";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { ScrollRegion } from "@/teaching/scroll-region";
import { resendInvitationAction, revokeInvitationAction } from "./actions";
import { InvitationButton } from "./invitation-button";
import { InviteForm } from "./invite-form";
import {
  INVITATION_DAYS,
  MAX_ADDRESSES,
  MAX_LIST_BYTES,
  type InvitationListItem,
} from "./invitations";

/**
 * The cohort page's section for inviting by e-mail: the form (paste or upload, check, send) and
 * the cohort's invitations with their state, each pending or expired one sendable again (a new
 * link) or withdrawable. An archived cohort shows its list only.
 */
export async function InvitePanel({
  cohortId,
  invitations,
  locale,
  timeZone,
  open,
  headingId = "invitations",
}: {
  cohortId: string;
  /** From `invitationsOfCohort(db, teacherId, cohortId)`. */
  invitations: InvitationListItem[];
  locale: Locale;
  /** The cohort's time zone: dates are days there. */
  timeZone: string;
  /** False for an archived cohort: nothing can be sent or changed. */
  open: boolean;
  /** The section heading's id, for the page's table of contents. */
  headingId?: string;
}) {
  const [t, format] = await Promise.all([
    getTranslations({ locale, namespace: "Invitations" }),
    getFormatter({ locale }),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone });
  const state = (invitation: InvitationListItem) => {
    switch (invitation.status) {
      case "pending":
        return t("state.pending", { date: date(invitation.expiresAt) });
      case "accepted":
        return t("state.accepted", { date: date(invitation.acceptedAt ?? invitation.sentAt) });
      case "expired":
        return t("state.expired", { date: date(invitation.expiresAt) });
      case "revoked":
        return t("state.revoked", { date: date(invitation.revokedAt ?? invitation.sentAt) });
    }
  };

  return (
    <section aria-labelledby={headingId} className="mt-10" data-testid="invite-panel">
      <h2 id={headingId} className="text-xl font-semibold">
        {t("title")}
      </h2>
      <ClientMessages namespaces={["Invitations"]}>
        {open ? (
          <>
            <p className="mt-1 max-w-3xl text-sm text-muted">
              {t("lead", { days: INVITATION_DAYS })}
            </p>
            <InviteForm
              cohortId={cohortId}
              maxAddresses={MAX_ADDRESSES}
              maxBytes={MAX_LIST_BYTES}
            />
          </>
        ) : (
          <p className="mt-3 text-muted">{t("archived")}</p>
        )}

        <h3 className="mt-8 text-lg font-semibold">{t("listTitle")}</h3>
        {invitations.length === 0 ? (
          <p className="mt-2 text-muted">{t("noInvitations")}</p>
        ) : (
          <ScrollRegion label={t("listCaption")}>
            <table className="w-full border-collapse text-sm" data-testid="invitation-list">
              <caption className="sr-only">{t("listCaption")}</caption>
              <thead className="bg-panel">
                <tr>
                  <th scope="col" className="p-2 text-left font-semibold">
                    {t("address")}
                  </th>
                  <th scope="col" className="p-2 text-left font-semibold">
                    {t("stateColumn")}
                  </th>
                  <th scope="col" className="p-2 text-left font-semibold">
                    {t("sentColumn")}
                  </th>
                  {open ? (
                    <th scope="col" className="p-2 text-left font-semibold">
                      {t("actions")}
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {invitations.map((invitation) => {
                  const changeable =
                    invitation.status === "pending" || invitation.status === "expired";
                  const hidden = { cohortId, invitationId: invitation.id };
                  return (
                    <tr
                      key={invitation.id}
                      data-invitation={invitation.email}
                      data-status={invitation.status}
                    >
                      <th scope="row" className="p-2 text-left font-medium break-all">
                        {invitation.email}
                      </th>
                      <td className="p-2">{state(invitation)}</td>
                      <td className="p-2">
                        <time dateTime={invitation.sentAt.toISOString()}>
                          {date(invitation.sentAt)}
                        </time>
                      </td>
                      {open ? (
                        <td className="p-2">
                          {changeable ? (
                            <div className="flex flex-wrap gap-2">
                              <InvitationButton
                                action={resendInvitationAction}
                                hidden={hidden}
                                submit={t("resend")}
                                label={t("resendLabel", { email: invitation.email })}
                              />
                              <InvitationButton
                                action={revokeInvitationAction}
                                hidden={hidden}
                                submit={t("revoke")}
                                label={t("revokeLabel", { email: invitation.email })}
                                variant="danger"
                                confirm={t("revokeConfirm", { email: invitation.email })}
                              />
                            </div>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </ClientMessages>
    </section>
  );
}
