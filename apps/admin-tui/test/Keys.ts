/** Driving an Ink tree in tests: real key codes written to its stdin, then waiting until the frame shows something. */
import { expect } from "vitest"
import { textWidth } from "../src/components/TextWidth.js"

export const KEY = {
  enter: "\r",
  tab: "\t",
  shiftTab: "\u001B[Z",
  escape: "\u001B",
  up: "\u001B[A",
  down: "\u001B[B",
  left: "\u001B[D",
  right: "\u001B[C",
  pageUp: "\u001B[5~",
  pageDown: "\u001B[6~",
  backspace: "\u007F",
  ctrlT: "\u0014"
} as const

export interface Driven {
  readonly stdin: { readonly write: (data: string) => void }
  readonly lastFrame: () => string | undefined
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 15))

/** Writes each key separately (as a keyboard does), letting the screen redraw in between. */
export const press = async (app: Driven, ...keys: ReadonlyArray<string>) => {
  for (const k of keys) {
    app.stdin.write(k)
    await tick()
  }
}

/**
 * Presses `key` until the frame shows every text: for a key that may arrive before the new screen's handler is
 * active on a loaded machine (a key pressed then is lost, as on a real terminal). Only for keys that are no-ops
 * once the texts show (e.g. Esc back to the menu).
 */
export const pressUntil = async (app: Driven, key: string, ...texts: ReadonlyArray<string>) => {
  for (let attempt = 0; attempt < 20; attempt++) {
    const frame = app.lastFrame() ?? ""
    if (texts.every((t) => shows(frame, t))) break
    await press(app, key)
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
  return waitFor(app, ...texts)
}

/** Types text as one chunk (as a paste or a fast typist would). */
export const type = async (app: Driven, text: string) => {
  app.stdin.write(text)
  await tick()
}

/** The terminal the screens are made for: 80 columns, 24 rows (the App's header included). */
export const expectFits = (frame: string) => {
  const lines = frame.split("\n")
  expect(lines.length, frame).toBeLessThanOrEqual(24)
  for (const line of lines) expect(textWidth(line), line).toBeLessThanOrEqual(80)
}

const squeeze = (s: string) => s.replace(/\s+/g, "")

/** true when the frame shows the text, on one line or wrapped over several (at 80 columns). */
export const shows = (frame: string, text: string) =>
  frame.includes(text) || squeeze(frame).includes(squeeze(text))

/** Waits until the last frame shows every text (or fails with the frame); the frame must fit 80×24. */
export const waitFor = async (app: Driven, ...texts: ReadonlyArray<string>) => {
  // Generous: under a loaded CI machine (every package testing at once on two cores) a redraw can take seconds.
  const deadline = Date.now() + 10_000
  for (;;) {
    const frame = app.lastFrame() ?? ""
    if (texts.every((t) => shows(frame, t))) {
      expectFits(frame)
      return frame
    }
    if (Date.now() > deadline) {
      expect(frame).toContain(texts.find((t) => !shows(frame, t)))
      return frame
    }
    await tick()
  }
}
