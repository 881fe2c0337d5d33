import QRCode from "qrcode";

/** The public questionnaire link of a site (self mode), and its QR code as an SVG data URL. */
export function siteLink(baseUrl: string, slug: string, siteCode?: string) {
  const url = new URL(`/t/${slug}`, baseUrl);
  if (siteCode) url.searchParams.set("site", siteCode);
  return url.toString();
}

export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
