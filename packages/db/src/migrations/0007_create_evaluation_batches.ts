/** Placeholder: filled by the repository work of issue #3. */
import { Effect } from "effect"

export default Effect.void
