import type { Env } from "@/env-schema";

/**
 * Who provides the site, as the imprint, the privacy notice and the accessibility statement name
 * them: read from the configuration only (src/env-schema.ts, PROVIDER_*), never written in the
 * code. Undefined until the three details every one of those pages needs are set.
 */
export interface Provider {
  name: string;
  /** The postal address, line by line. */
  address: string[];
  email: string;
  phone: string | undefined;
  representative: string | undefined;
  register: string | undefined;
  vatId: string | undefined;
  /** Where privacy requests go. */
  privacyEmail: string;
  supervisoryAuthority: string | undefined;
}

type ProviderEnv = Pick<
  Env,
  | "PROVIDER_NAME"
  | "PROVIDER_ADDRESS"
  | "PROVIDER_EMAIL"
  | "PROVIDER_PHONE"
  | "PROVIDER_REPRESENTATIVE"
  | "PROVIDER_REGISTER"
  | "PROVIDER_VAT_ID"
  | "PRIVACY_EMAIL"
  | "SUPERVISORY_AUTHORITY"
>;

export function providerFrom(env: ProviderEnv): Provider | undefined {
  const { PROVIDER_NAME: name, PROVIDER_ADDRESS: address, PROVIDER_EMAIL: email } = env;
  if (!name || !address || !email) return undefined;
  return {
    name,
    address: address
      .split(/\\n|\n|\|/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0),
    email,
    phone: env.PROVIDER_PHONE,
    representative: env.PROVIDER_REPRESENTATIVE,
    register: env.PROVIDER_REGISTER,
    vatId: env.PROVIDER_VAT_ID,
    privacyEmail: env.PRIVACY_EMAIL ?? email,
    supervisoryAuthority: env.SUPERVISORY_AUTHORITY,
  };
}
