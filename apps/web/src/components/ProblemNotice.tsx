/**
 * What the visitor reads when a call did not succeed: a polite wait for 429 (with the seconds of Retry-After), the
 * API's own zh-CN title and detail otherwise (e.g. 未查询到证书), or a network message.
 */
import { Match, Switch } from "solid-js"
import type { ApiFailure } from "../lib/result"
import { Notice } from "./Notice"

export const ProblemNotice = (props: { readonly failure: ApiFailure }) => (
  <Switch
    fallback={
      <Notice tone="error" title={props.failure.problem.title}>
        <p>{props.failure.problem.detail}</p>
      </Notice>
    }
  >
    <Match when={props.failure.status === 429}>
      <Notice tone="wait" title="请稍候再试">
        <p>
          {props.failure.retryAfter === undefined
            ? "查询较为频繁，请稍候片刻再试。"
            : `查询较为频繁，请在 ${props.failure.retryAfter} 秒后再试。`}
        </p>
        <p>为防止他人批量查询、保护持证人信息，每台设备和每个号码每分钟的查询次数有限，感谢您的理解。</p>
      </Notice>
    </Match>
    <Match when={props.failure.status === 404}>
      <Notice tone="info" title={props.failure.problem.title}>
        <p>{props.failure.problem.detail}</p>
      </Notice>
    </Match>
  </Switch>
)
