"use server";

import { act } from "@/teaching/action-kit";
import { claimCertificateFor } from "./certificates";

/**
 * The certificate's server actions. A server action is a public endpoint: each reads who is asking
 * from the session and hands the form's fields, as sent, to the rules in certificates.ts, which
 * validate them and check the record. A refusal comes back as the form's error, in the form's
 * language; a refused request changes nothing.
 */

export const claimCertificateAction = act(claimCertificateFor, "certificateIssued");
