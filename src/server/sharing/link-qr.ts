import "@/server/server-only";
import QRCode from "qrcode";

/**
 * The QR code of a pharmacist's link, drawn on the server as SVG (no script, no network) and
 * handed to the page as a data: URL for an <img>. Error correction M survives a creased print.
 */
export async function qrSvgDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}

/** The same code as PNG bytes, for the PDF. */
export async function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 6 });
}
