import QRCode from "qrcode";

/**
 * A QR code of `text` as inline SVG, drawn on the server (no script, nothing fetched), dark on
 * white in both themes so any phone camera reads it from a projector.
 */
export async function QrCode({ text, label }: { text: string; label: string }) {
  const drawn = await QRCode.toString(text, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  // The wrapper is the one image screen readers meet, named by `label`; the drawing inside is not.
  const svg = drawn.replace("<svg ", '<svg aria-hidden="true" focusable="false" ');
  return (
    <div
      role="img"
      aria-label={label}
      className="w-40 rounded-lg bg-white p-1 [&>svg]:h-auto [&>svg]:w-full"
      // The SVG is qrcode's output for our own URL: no user text reaches it unescaped.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
