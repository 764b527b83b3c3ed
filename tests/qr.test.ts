// The login QR code is drawn in the terminal as well as given as a URL.
import { describe, expect, it } from 'vitest'
import { drawQr, qrcodeUrl } from '../bot/qr.ts'

describe('login QR code', () => {
  it('is drawn as terminal blocks, and its URL renders the same payload', async () => {
    const payload = 'https://login.weixin.qq.com/l/abc123=='
    const art = await drawQr(payload)
    expect(art).not.toBeNull()
    expect(art!.split('\n').length).toBeGreaterThan(10)
    expect(art).toMatch(/[█▀▄]/)
    expect(qrcodeUrl(payload)).toBe(`https://wechaty.js.org/qrcode/${encodeURIComponent(payload)}`)
  })
})
