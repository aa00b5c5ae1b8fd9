import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { DEFAULT_LOCALE, isLocale } from "@neuronlab/config/locales";
import {
  consumeVerificationToken,
  createSession,
  createVerificationToken,
  deleteSession,
  hashSessionToken,
} from "@neuronlab/db/accounts";
import type { Db } from "@neuronlab/db/client";
import { findUserByEmail, normaliseEmail } from "@neuronlab/db/users";
import type { AuthOptions } from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import EmailProvider from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { getDb } from "../db";
import { authSettings } from "./config";
import { createMailer, signInMail } from "./mail";
import { CONFIRM_PATH, LINK_MINUTES } from "./magic-link";
import { safeRedirectPath } from "./redirect";
import { localePath } from "@/i18n/paths";
import type { SessionUser } from "./session";

/** Sessions last 30 days, renewed at most once a day while in use. */
const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;
const SESSION_UPDATE_AGE_S = 24 * 60 * 60;

let cached: AuthOptions | undefined;

/** next-auth's configuration: database sessions through the Prisma adapter on the app's client. */
export function authOptions(): AuthOptions {
  if (cached) return cached;
  const settings = authSettings();
  if (!settings.siteUrl && settings.local) {
    // next-auth builds its own absolute URLs (error redirects) from NEXTAUTH_URL, or, with this
    // switch, from the request's host: a local run answers on whatever host and port it was given.
    process.env.AUTH_TRUST_HOST ??= "1";
  }
  const sendMail = createMailer(settings.mail);
  const providers: AuthOptions["providers"] = [
    EmailProvider({
      from: settings.mail.from,
      maxAge: LINK_MINUTES * 60,
      // The sign-in form and POST /api/auth/signin/email send links themselves (validated,
      // rate-limited); this only runs if next-auth's own sign-in route is reached some other way,
      // and it too sends the confirm page, never the spending callback.
      async sendVerificationRequest({ identifier, url }) {
        const chosen = (await findUserByEmail(getDb(), identifier))?.locale;
        const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
        const link = new URL(url);
        link.pathname = localePath(CONFIRM_PATH, locale);
        await sendMail(
          await signInMail({ to: identifier, url: link.toString(), minutes: LINK_MINUTES, locale }),
        );
      },
    }),
  ];
  if (settings.github) providers.push(GitHubProvider(settings.github));
  if (settings.google) providers.push(GoogleProvider(settings.google));

  cached = {
    adapter: accountsAdapter(getDb()),
    providers,
    secret: settings.secret,
    useSecureCookies: settings.secureCookies,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_S, updateAge: SESSION_UPDATE_AGE_S },
    pages: { signIn: "/sign-in", signOut: "/sign-out", error: "/auth/error" },
    callbacks: {
      // An account is an e-mail address: a provider that gives none cannot sign in.
      signIn: ({ user }) => Boolean(user.email),
      redirect: ({ url, baseUrl }) => safeRedirectPath(url, { origin: baseUrl }),
      session: ({ session, user }) => {
        const { id, email, name, role } = user as AdapterUser & Pick<SessionUser, "role">;
        return { expires: session.expires, user: { id, email, name: name ?? null, role } };
      },
    },
  };
  return cached;
}

/**
 * @auth/prisma-adapter on the app's Prisma client, with the platform's rules: addresses stored
 * lower-case, magic-link tokens spent through accounts.ts (atomically, refused once expired), and
 * sessions stored under the hash of their token (`hashSessionToken`): next-auth passes and gets
 * back the cookie's clear token, the database only ever sees its hash.
 */
export function accountsAdapter(db: Db): Adapter {
  // The adapter is typed for @auth/core; next-auth 4 calls the same methods (nextauthjs/next-auth#9493).
  const base = PrismaAdapter(db) as unknown as Adapter;
  const { createUser, getUserByEmail, getSessionAndUser, updateSession } = base;
  if (!createUser || !getUserByEmail) throw new Error("the Prisma adapter lacks user methods");
  if (!getSessionAndUser || !updateSession) {
    throw new Error("the Prisma adapter lacks session methods");
  }
  return {
    ...base,
    createUser: (user: AdapterUser) => createUser({ ...user, email: normaliseEmail(user.email) }),
    getUserByEmail: (email) => getUserByEmail(normaliseEmail(email)),
    createVerificationToken: (token) => createVerificationToken(db, token),
    useVerificationToken: ({ identifier, token }) =>
      consumeVerificationToken(db, { identifier, token }),
    // next-auth sets the cookie from the `sessionToken` these return (a new sign-in's session,
    // and the current one when an OAuth account is linked while signed in): always the clear one.
    createSession: (session) => createSession(db, session),
    getSessionAndUser: async (sessionToken) => {
      const found = await getSessionAndUser(hashSessionToken(sessionToken));
      return found && { user: found.user, session: { ...found.session, sessionToken } };
    },
    updateSession: async (session) => {
      const updated = await updateSession({
        ...session,
        sessionToken: hashSessionToken(session.sessionToken),
      });
      return updated && { ...updated, sessionToken: session.sessionToken };
    },
    // A token with no session (a stale cookie at sign-in, a second sign-out) deletes nothing and
    // is no error; the Prisma adapter's own delete throws there.
    deleteSession: async (sessionToken) => {
      await deleteSession(db, sessionToken);
    },
  };
}
