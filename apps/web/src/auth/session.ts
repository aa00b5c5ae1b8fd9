import "server-only";
import { findSessionUser } from "@neuronlab/db/accounts";
import { isPupilEmail, isPupilOfArchivedCohort } from "@neuronlab/db/pupils";
import { cookies } from "next/headers";
import { cache } from "react";
import { maybeDb } from "../db";
import { HttpError } from "../http/errors";
import { sessionCookieName } from "./config";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: "LEARNER" | "EDUCATOR" | "ADMIN";
}

/**
 * The signed-in user, from the database session named by the session cookie: server components,
 * route handlers and server actions. Read from the database on every request (once per render),
 * so a sign-out or a role change takes effect at once, and so does archiving a pupil's class.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token) return null;
  const db = maybeDb();
  if (!db) return null;
  const user = await findSessionUser(db, token);
  // A pupil's session counts only while their class is not archived (it counts again once the
  // class is restored); only a pupil's placeholder address costs the extra query.
  if (user && isPupilEmail(user.email) && (await isPupilOfArchivedCohort(db, user.id))) {
    return null;
  }
  return user;
});

/** The signed-in user, or a 401 HttpError. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new HttpError(401, "unauthenticated");
  return user;
}

/** The signed-in user when their role is one of `roles`; 401 when signed out, 403 otherwise. */
export async function requireRole(...roles: SessionUser["role"][]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) {
    throw new HttpError(403, "forbidden");
  }
  return user;
}
