/** The anchor id of an exercise on its lesson page (shared by the compiler and the web app). */
export const exerciseAnchor = (id: string) => `exercise-${id}`;
