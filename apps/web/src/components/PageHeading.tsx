/**
 * A page's h1 and document title. After a client-side navigation the heading takes the focus, so a screen reader
 * announces the new page and keyboard users continue from its top; the first page loaded keeps the browser's
 * own focus order (skip link first).
 */
import { createEffect, onMount } from "solid-js"
import { SITE_NAME } from "../lib/site"

let firstPage = true

export const PageHeading = (props: { readonly title: string }) => {
  let heading: HTMLHeadingElement | undefined
  createEffect(() => {
    document.title = `${props.title} - ${SITE_NAME}`
  })
  onMount(() => {
    if (!firstPage) heading?.focus()
    firstPage = false
  })
  return (
    <h1 ref={heading} tabindex="-1">
      {props.title}
    </h1>
  )
}
