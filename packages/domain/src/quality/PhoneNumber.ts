/**
 * Phone numbers as published in the notice's tables (54号·五, 附件2 联系方式, 附件3 报名电话, 举报电话): a landline with
 * its area code ("025-83271773", optional extension "-801"), a mobile number, or a short service number
 * (5 digits, e.g. 12333). Structure only.
 */

const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/
const MOBILE = /^1[3-9]\d{9}$/
const SERVICE = /^\d{5}$/

export const isPhoneNumber = (s: string): boolean => LANDLINE.test(s) || MOBILE.test(s) || SERVICE.test(s)

export const PHONE_NUMBER_MESSAGE =
  "电话号码应为带区号的固定电话（如 025-83271773）、11位手机号码或5位服务号码"
