// The login QR code, drawn in the terminal (where `npm start` or `docker compose logs -f`
// shows it) as well as given as a URL: a log line with a URL alone was easy to miss.
import QRCode from 'qrcode'

/** The URL that renders the code as an image (for a terminal that cannot draw it). */
export function qrcodeUrl(qrcode: string): string {
  return `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`
}

/** The code as terminal text (half-height blocks), or null when it cannot be drawn. */
export async function drawQr(qrcode: string): Promise<string | null> {
  try {
    return await QRCode.toString(qrcode, { type: 'terminal', small: true })
  } catch {
    return null
  }
}
