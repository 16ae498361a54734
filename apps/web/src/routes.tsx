/**
 * The site's addresses. The lookup page is in the first bundle (it is the home page and must stay small); every
 * other page is loaded when first visited. `/verify/:number` is the address printed in the certificates' QR codes
 * (the API's verificationUrl).
 */
import { Route } from "@solidjs/router"
import { lazy } from "solid-js"
import LookupPage from "./pages/LookupPage"
import NotFoundPage from "./pages/NotFoundPage"

const PrintPage = lazy(() => import("./pages/PrintPage"))
const VerifyPage = lazy(() => import("./pages/VerifyPage"))
const InstitutionsPage = lazy(() => import("./pages/InstitutionsPage"))
const BatchesPage = lazy(() => import("./pages/BatchesPage"))
const PlansPage = lazy(() => import("./pages/PlansPage"))
const ReportsPage = lazy(() => import("./pages/ReportsPage"))

export const Routes = () => (
  <>
    <Route path="/" component={LookupPage} />
    <Route path="/print/:number" component={PrintPage} />
    <Route path="/verify/:number" component={VerifyPage} />
    <Route path="/institutions" component={InstitutionsPage} />
    <Route path="/batches" component={BatchesPage} />
    <Route path="/competition-plans" component={PlansPage} />
    <Route path="/reports" component={ReportsPage} />
    <Route path="*404" component={NotFoundPage} />
  </>
)
