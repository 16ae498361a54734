/** Any other address of the site. */
import { A } from "@solidjs/router"
import { PageHeading } from "../components/PageHeading"

export default function NotFoundPage() {
  return (
    <>
      <PageHeading title="页面不存在" />
      <p>您访问的页面不存在，可能是地址有误或页面已移动。</p>
      <p>
        <A href="/">返回证书查询</A>
      </p>
    </>
  )
}
