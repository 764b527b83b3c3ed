// One phone screen: how many lines a text takes in a WeChat chat bubble, so a digest or a
// queue page can be kept to what a steward or manager sees without scrolling. Measured, not
// guessed: a bubble on a common 6-inch phone at the default font size holds about 16 Chinese
// characters a line (digits, Latin letters and ASCII punctuation take about half as much).

/** Full-width characters per chat line. */
export const PHONE_LINE_WIDTH = 16

/** What one screen holds, in chat lines (issue 19: digests and the queue's first page). */
export const SCREEN_LINES = 25

/** Half-width: ASCII and Latin letters (and ·, –) are narrow in the chat font; CJK, full-width punctuation, … and emoji are not. */
function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0
  return c <= 0x024f || c === 0x2013 ? 0.5 : 1
}

/** The width of one text line, in full-width characters. */
export function textWidth(line: string): number {
  let w = 0
  for (const ch of line) w += charWidth(ch)
  return w
}

/** Chat lines a text takes: each text line wraps at `width`; an empty line still takes one. */
export function chatLines(text: string, width = PHONE_LINE_WIDTH): number {
  let n = 0
  for (const line of text.split('\n')) n += Math.max(1, Math.ceil(textWidth(line) / width - 1e-9))
  return n
}

/** The text cut to `width` full-width characters, ending in 「…」 when it was cut. */
export function clipWidth(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (textWidth(flat) <= width) return flat
  let out = ''
  let w = 0
  for (const ch of flat) {
    if (w + charWidth(ch) > width - 1) break
    out += ch
    w += charWidth(ch)
  }
  return out + '…'
}
