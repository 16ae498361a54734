/**
 * Region names for display: Jiangsu's from the domain's GB/T 2260 table (codes/Region), another province by its
 * province-level name (GB/T 2260 前两位) — the co-signing provinces of a cross-province competition (54号·二).
 */
import { fullNameOf, regionOf } from "@jineng/domain/codes/Region"

const PROVINCES: Readonly<Record<string, string>> = {
  "11": "北京市",
  "12": "天津市",
  "13": "河北省",
  "14": "山西省",
  "15": "内蒙古自治区",
  "21": "辽宁省",
  "22": "吉林省",
  "23": "黑龙江省",
  "31": "上海市",
  "32": "江苏省",
  "33": "浙江省",
  "34": "安徽省",
  "35": "福建省",
  "36": "江西省",
  "37": "山东省",
  "41": "河南省",
  "42": "湖北省",
  "43": "湖南省",
  "44": "广东省",
  "45": "广西壮族自治区",
  "46": "海南省",
  "50": "重庆市",
  "51": "四川省",
  "52": "贵州省",
  "53": "云南省",
  "54": "西藏自治区",
  "61": "陕西省",
  "62": "甘肃省",
  "63": "青海省",
  "64": "宁夏回族自治区",
  "65": "新疆维吾尔自治区",
  "71": "台湾省",
  "81": "香港特别行政区",
  "82": "澳门特别行政区"
}

/** "江苏省南京市玄武区", "浙江省" (for 330000), else the code. */
export const regionFullName = (code: string): string => {
  if (regionOf(code) !== undefined) return fullNameOf(code)
  const province = PROVINCES[code.slice(0, 2)]
  return province !== undefined && code.endsWith("0000") ? province : code
}

/** The short name: "玄武区", "南京市", "浙江省". */
export const regionShortName = (code: string): string => regionOf(code)?.name ?? regionFullName(code)
