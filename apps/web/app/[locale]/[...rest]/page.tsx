import { notFound } from "next/navigation";

/** Any other address in a language: that language's "page not found". */
export default function UnknownPage(): never {
  notFound();
}
