import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

/** Links, redirects and the pathname in the current language (use these, not next/link's). */
export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
