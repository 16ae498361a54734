/**
 * A QR code as one SVG path (error correction M, a quiet zone of 4 modules), crisp on screen and paper. The
 * encoder (qrcode-generator) is loaded with the print page only.
 */
import qrcode from "qrcode-generator"
import { createMemo } from "solid-js"

const QUIET = 4

export const QrCode = (props: {
  readonly text: string
  readonly label: string
  readonly sizeMm?: number
}) => {
  const code = createMemo(() => {
    const qr = qrcode(0, "M")
    qr.addData(props.text, "Byte")
    qr.make()
    const count = qr.getModuleCount()
    let path = ""
    for (let row = 0; row < count; row++)
      for (let col = 0; col < count; col++)
        if (qr.isDark(row, col)) path += `M${col + QUIET} ${row + QUIET}h1v1h-1z`
    return { size: count + 2 * QUIET, path }
  })
  return (
    <svg
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${code().size} ${code().size}`}
      width={`${props.sizeMm ?? 32}mm`}
      height={`${props.sizeMm ?? 32}mm`}
      shape-rendering="crispEdges"
    >
      <rect width={code().size} height={code().size} fill="#fff" />
      <path d={code().path} fill="#000" />
    </svg>
  )
}
