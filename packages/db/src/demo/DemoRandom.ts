/** A seeded pseudo-random source (mulberry32) and the realistic codes and names the demo data is made of. */

import { checkCharacter } from "@jineng/domain/codes/ResidentIdNumber"
import { creditCheckCharacter, orgCodeCheckCharacter } from "@jineng/domain/codes/SocialCreditCode"
import { makeDate } from "@jineng/domain/time/LocalDate"

export interface Random {
  /** A number in [0, 1). */
  readonly next: () => number
  readonly int: (lo: number, hi: number) => number
  readonly pick: <A>(items: ReadonlyArray<A>) => A
  readonly chance: (p: number) => boolean
}

export const makeRandom = (seed: number): Random => {
  let state = seed | 0
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)] as never,
    chance: (p) => next() < p
  }
}

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
const GIVEN =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅玉兰志强晓东海燕文博子涵欣怡浩然雨轩梓萱宇航佳琪思远一鸣雪婷俊杰丽娜国庆春燕建华永强凤英"

export const personName = (r: Random): string => {
  const given = r.chance(0.6)
    ? GIVEN.charAt(r.int(0, GIVEN.length - 1)) + GIVEN.charAt(r.int(0, GIVEN.length - 1))
    : GIVEN.charAt(r.int(0, GIVEN.length - 1))
  return SURNAMES.charAt(r.int(0, SURNAMES.length - 1)) + given
}

/** A valid 18-digit resident ID number registered in `county`. */
export const residentId = (r: Random, county: string, sequence: number): string => {
  const birth = makeDate(r.int(1965, 2004), r.int(1, 12), r.int(1, 28)).replaceAll("-", "")
  const first17 = `${county}${birth}${String(sequence % 1000).padStart(3, "0")}`
  return first17 + checkCharacter(first17)
}

/** A valid unified social credit code of an enterprise (91…) registered in `region`. */
export const socialCreditCode = (r: Random, region: string): string => {
  let body = ""
  for (let i = 0; i < 8; i++) body += String(r.int(0, 9))
  const first17 = `91${region}${body}${orgCodeCheckCharacter(body)}`
  return first17 + creditCheckCharacter(first17)
}

/** A Jiangsu landline of the city (025 南京 …) or a mobile number. */
const AREA_CODES: Record<string, string> = {
  "3201": "025",
  "3202": "0510",
  "3203": "0516",
  "3204": "0519",
  "3205": "0512",
  "3206": "0513",
  "3207": "0518",
  "3208": "0517",
  "3209": "0515",
  "3210": "0514",
  "3211": "0511",
  "3212": "0523",
  "3213": "0527"
}

export const phoneNumber = (r: Random, region: string): string =>
  r.chance(0.7)
    ? `${AREA_CODES[region.slice(0, 4)] ?? "025"}-${r.int(5000_0000, 8999_9999)}`
    : `1${r.pick(["38", "39", "58", "88"])}${r.int(1000_0000, 9999_9999)}`
