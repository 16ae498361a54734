/**
 * A screen's one key handler (Ink's useInput, active only on the current screen), fed one key at a time: a chunk
 * of input that holds several keys — a paste, or keys typed faster than the terminal is read — is split so a tab
 * moves to the next field and a line break confirms, e.g. a row pasted from a spreadsheet fills a form.
 */
import { type Key, useInput } from "ink"
import { useCallback, useLayoutEffect, useRef } from "react"

/** A key event with no key flag set (plain text). */
export const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false
}

/**
 * A chunk of input as the keys it holds: a paste (or keys typed faster than the terminal reads) arrives as one
 * string, in which a tab moves to the next field and a line break confirms — so a row pasted from a spreadsheet
 * fills the fields one after another.
 */
export const splitKeys = (
  input: string,
  key: Key
): ReadonlyArray<{ readonly input: string; readonly key: Key }> => {
  if (input.length <= 1 || !/[\t\r\n]/.test(input)) return [{ input, key }]
  return input
    .split(/(\t|\r\n|\r|\n)/)
    .filter((part) => part !== "")
    .map((part) =>
      part === "\t"
        ? { input: part, key: { ...NO_KEY, tab: true } }
        : part === "\r" || part === "\n" || part === "\r\n"
          ? { input: "\r", key: { ...NO_KEY, return: true } }
          : { input: part, key: NO_KEY }
    )
}

/**
 * The handler is kept in a ref updated at every commit and Ink gets one stable callback: the subscription never
 * waits for a passive effect, so the first key after a redraw reaches the handler of that redraw.
 */
export const useKeys = (
  handler: (input: string, key: Key) => void,
  options: { readonly isActive: boolean }
) => {
  const latest = useRef(handler)
  useLayoutEffect(() => {
    latest.current = handler
  })
  const stable = useCallback((input: string, key: Key) => {
    for (const k of splitKeys(input, key)) latest.current(k.input, k.key)
  }, [])
  useInput(stable, { isActive: options.isActive })
}
