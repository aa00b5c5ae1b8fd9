/**
 * The part of a message tree under the given dotted namespaces ("viz.NetworkGraph"), with the
 * path to each kept, so `useTranslations("viz.NetworkGraph")` finds it. A namespace that does not
 * exist is an error: a page would otherwise show message keys.
 */
export function pickMessages(messages: Record<string, unknown>, namespaces: readonly string[]) {
  const picked: Record<string, unknown> = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let from: unknown = messages;
    let to: Record<string, unknown> = picked;
    path.forEach((key, index) => {
      from = isTree(from) && Object.hasOwn(from, key) ? from[key] : undefined;
      if (from === undefined) throw new Error(`no messages at "${namespace}"`);
      if (index === path.length - 1) {
        to[key] = from;
      } else {
        const next = isTree(to[key]) ? to[key] : {};
        to[key] = next;
        to = next;
      }
    });
  }
  return picked;
}

function isTree(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
