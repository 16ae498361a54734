/** Reads a QrCode SVG back: rasterises its modules and decodes them with jsQR, as a phone camera would. */
import jsQR from "jsqr"

export const decodeQrSvg = (svg: Element, scale = 4): string | undefined => {
  const size = Number(svg.getAttribute("viewBox")?.split(" ")[2])
  const dark = new Set<string>()
  for (const m of (svg.querySelector("path")?.getAttribute("d") ?? "").matchAll(/M(\d+) (\d+)h1v1h-1z/g))
    dark.add(`${m[1]},${m[2]}`)
  const side = size * scale
  const pixels = new Uint8ClampedArray(side * side * 4)
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const v = dark.has(`${Math.floor(x / scale)},${Math.floor(y / scale)}`) ? 0 : 255
      pixels.set([v, v, v, 255], (y * side + x) * 4)
    }
  return jsQR(pixels, side, side)?.data
}
