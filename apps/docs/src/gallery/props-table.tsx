export interface PropDoc {
  name: string;
  type: string;
  default?: string;
  description: string;
}

/** The documented props of a component, as a table. */
export function PropsTable({ rows }: { rows: readonly PropDoc[] }) {
  return (
    <div
      role="region"
      aria-label="Props"
      className="mt-4 overflow-x-auto"
      // A wide table scrolls sideways on a phone: a focusable, named region lets keyboard users
      // reach it and scroll.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Props</caption>
        <thead>
          <tr>
            <th scope="col" className="border-b border-line px-2 py-2 font-semibold">
              Prop
            </th>
            <th scope="col" className="border-b border-line px-2 py-2 font-semibold">
              Type
            </th>
            <th scope="col" className="border-b border-line px-2 py-2 font-semibold">
              Default
            </th>
            <th scope="col" className="border-b border-line px-2 py-2 font-semibold">
              What it does
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <td className="border-b border-line px-2 py-2 align-top font-mono">{row.name}</td>
              <td className="border-b border-line px-2 py-2 align-top font-mono text-xs">
                {row.type}
              </td>
              <td className="border-b border-line px-2 py-2 align-top font-mono text-xs">
                {row.default ?? "—"}
              </td>
              <td className="border-b border-line px-2 py-2 align-top">{row.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
