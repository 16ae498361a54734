/** Narrowing of an `ApiResult` in JSX (`<Show when={successOf(r)}>`). */
import type { ApiResult } from "../api"

export type ApiFailure = Extract<ApiResult<unknown>, { readonly ok: false }>

export const successOf = <T>(result: ApiResult<T> | undefined): T | undefined =>
  result?.ok === true ? result.value : undefined

export const failureOf = (result: ApiResult<unknown> | undefined): ApiFailure | undefined =>
  result?.ok === false ? result : undefined
