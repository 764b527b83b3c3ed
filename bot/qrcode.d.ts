// The part of `qrcode` (1.5) that bot/qr.ts uses; the package ships no types.
declare module 'qrcode' {
  const QRCode: {
    toString(text: string, options: { type: 'terminal' | 'utf8' | 'svg'; small?: boolean }): Promise<string>
  }
  export default QRCode
}
