// The schema's enums (each a value and a type of the same name) for code outside this package,
// e.g. a role check. They come from the generated enums module alone, so importing them pulls no
// database code into a bundle.
export { BookingStatus, Role, WorkshopMode } from "../generated/prisma/enums.ts";
