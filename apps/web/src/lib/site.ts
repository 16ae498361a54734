/** Names shown on every page. */
export const SITE_NAME = "江苏技能人才评价信息服务"

/** 省人力资源社会保障厅职业证书发放监督举报电话 (54号·五, the notice's own text). */
export const PROVINCIAL_HOTLINE = "025-83271773"

export const NOTICE_TITLE =
  "《省人力资源社会保障厅办公室关于进一步规范全省技能人才评价工作的通知》（苏人社办函〔2022〕54号）"
