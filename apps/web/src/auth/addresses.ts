/**
 * Whether mail can reach an address. Pupils without e-mail have a placeholder in the reserved
 * `.invalid` top-level domain (RFC 2606), which no mail server accepts: pages show their name
 * instead, and nobody can ask for a sign-in link to it.
 */
export function isDeliverable(email: string): boolean {
  return !/\.invalid$/i.test(email.trim());
}
