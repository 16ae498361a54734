/**
 * Every page's frame: a skip link, the site's name, the main navigation (the current page marked with
 * aria-current), the main region and the footer with the reporting hotline and the notice the site implements.
 */
import { A, type RouteSectionProps } from "@solidjs/router"
import { For, Suspense } from "solid-js"
import { NOTICE_TITLE, PROVINCIAL_HOTLINE, SITE_NAME } from "./lib/site"

export const NAVIGATION: ReadonlyArray<{ readonly href: string; readonly label: string }> = [
  { href: "/", label: "证书查询" },
  { href: "/institutions", label: "评价机构目录" },
  { href: "/batches", label: "评价批次公布" },
  { href: "/competition-plans", label: "竞赛计划公布" },
  { href: "/reports", label: "监督举报" }
]

const focusMain = (event: MouseEvent) => {
  const main = document.getElementById("main")
  if (main === null) return
  event.preventDefault()
  main.focus()
}

export const Layout = (props: RouteSectionProps) => (
  <>
    {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link to #main; the router handles hash links without moving the focus, so the click does */}
    <a class="skip-link" href="#main" onClick={focusMain}>
      跳到主要内容
    </a>
    <header class="site-header">
      <div class="site-header__inner">
        <a class="site-title" href="/">
          {SITE_NAME}
        </a>
        <p class="site-subtitle">职业技能等级证书查询与验证 · 评价机构、评价批次和竞赛计划公布 · 监督举报</p>
      </div>
    </header>
    <nav class="site-nav" aria-label="主导航">
      <div class="site-nav__inner">
        <ul>
          <For each={NAVIGATION}>
            {(item) => (
              <li>
                <A href={item.href} end={item.href === "/"}>
                  {item.label}
                </A>
              </li>
            )}
          </For>
        </ul>
      </div>
    </nav>
    <main id="main" class="site-main" tabindex="-1">
      <Suspense fallback={<p role="status">正在加载……</p>}>{props.children}</Suspense>
    </main>
    <footer class="site-footer">
      <div class="site-footer__inner">
        <p>
          省人力资源社会保障厅职业证书发放监督举报电话：
          <a href={`tel:${PROVINCIAL_HOTLINE}`}>{PROVINCIAL_HOTLINE}</a>
        </p>
        <p>依据 {NOTICE_TITLE}。证书信息以证书登记库为准，通过其他途径生成、制作的证书及证书号一律无效。</p>
      </div>
    </footer>
  </>
)
