"use server";

import { act } from "@/teaching/action-kit";
import { changeRoleFor, revokeCertificateFor } from "./admin";

/**
 * The admins' forms. A server action is a public endpoint: each one reads who is asking from the
 * session and hands the form's fields, as sent, to the rules in admin.ts, which check that they
 * are an admin, validate the fields and write the change with its audit entry. A refusal comes
 * back as the form's error, in the form's language, and changes nothing.
 */

export const changeRoleAction = act(changeRoleFor, "admin.roleChanged");
export const revokeCertificateAction = act(revokeCertificateFor, "admin.certificateRevoked");
