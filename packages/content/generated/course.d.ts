// Types of generated/course.js, which `pnpm --filter @neuronlab/content build` writes from the
// MDX lessons (scripts/build-lessons.ts). The JavaScript is not committed; this declaration is, so
// type-checking never needs the build.
import type { CourseInAllLocales } from "../src/compile/build-locales.ts";

declare const course: CourseInAllLocales;
export default course;
