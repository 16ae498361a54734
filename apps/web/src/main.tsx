/** The site's entry: the router over the browser's history, in the layout. */
import { Router } from "@solidjs/router"
import { render } from "solid-js/web"
import { Layout } from "./Layout"
import { Routes } from "./routes"
import "./styles.css"

const root = document.getElementById("root")
if (root === null) throw new Error("#root is missing from index.html")

render(
  () => (
    <Router root={Layout}>
      <Routes />
    </Router>
  ),
  root
)
