/**
 * Jiangsu administrative divisions (GB/T 2260): the province 320000, its 13 设区市 and 95 county-level units
 * (rules-research §9, statistics-only codes 71–79 excluded), and structural checks for codes of other provinces.
 */

export type RegionCode = string

export type RegionLevel = "province" | "city" | "county"

export interface Region {
  readonly code: RegionCode
  readonly name: string
  readonly level: RegionLevel
  /** undefined for the province */
  readonly parent: RegionCode | undefined
}

export const JIANGSU: RegionCode = "320000"

const CITIES: ReadonlyArray<readonly [RegionCode, string]> = [
  ["320100", "南京市"],
  ["320200", "无锡市"],
  ["320300", "徐州市"],
  ["320400", "常州市"],
  ["320500", "苏州市"],
  ["320600", "南通市"],
  ["320700", "连云港市"],
  ["320800", "淮安市"],
  ["320900", "盐城市"],
  ["321000", "扬州市"],
  ["321100", "镇江市"],
  ["321200", "泰州市"],
  ["321300", "宿迁市"]
]

const COUNTIES: ReadonlyArray<readonly [RegionCode, string]> = [
  ["320102", "玄武区"],
  ["320104", "秦淮区"],
  ["320105", "建邺区"],
  ["320106", "鼓楼区"],
  ["320111", "浦口区"],
  ["320113", "栖霞区"],
  ["320114", "雨花台区"],
  ["320115", "江宁区"],
  ["320116", "六合区"],
  ["320117", "溧水区"],
  ["320118", "高淳区"],
  ["320205", "锡山区"],
  ["320206", "惠山区"],
  ["320211", "滨湖区"],
  ["320213", "梁溪区"],
  ["320214", "新吴区"],
  ["320281", "江阴市"],
  ["320282", "宜兴市"],
  ["320302", "鼓楼区"],
  ["320303", "云龙区"],
  ["320305", "贾汪区"],
  ["320311", "泉山区"],
  ["320312", "铜山区"],
  ["320321", "丰县"],
  ["320322", "沛县"],
  ["320324", "睢宁县"],
  ["320381", "新沂市"],
  ["320382", "邳州市"],
  ["320402", "天宁区"],
  ["320404", "钟楼区"],
  ["320411", "新北区"],
  ["320412", "武进区"],
  ["320413", "金坛区"],
  ["320481", "溧阳市"],
  ["320505", "虎丘区"],
  ["320506", "吴中区"],
  ["320507", "相城区"],
  ["320508", "姑苏区"],
  ["320509", "吴江区"],
  ["320581", "常熟市"],
  ["320582", "张家港市"],
  ["320583", "昆山市"],
  ["320585", "太仓市"],
  ["320612", "通州区"],
  ["320613", "崇川区"],
  ["320614", "海门区"],
  ["320623", "如东县"],
  ["320681", "启东市"],
  ["320682", "如皋市"],
  ["320685", "海安市"],
  ["320703", "连云区"],
  ["320706", "海州区"],
  ["320707", "赣榆区"],
  ["320722", "东海县"],
  ["320723", "灌云县"],
  ["320724", "灌南县"],
  ["320803", "淮安区"],
  ["320804", "淮阴区"],
  ["320812", "清江浦区"],
  ["320813", "洪泽区"],
  ["320826", "涟水县"],
  ["320830", "盱眙县"],
  ["320831", "金湖县"],
  ["320902", "亭湖区"],
  ["320903", "盐都区"],
  ["320904", "大丰区"],
  ["320921", "响水县"],
  ["320922", "滨海县"],
  ["320923", "阜宁县"],
  ["320924", "射阳县"],
  ["320925", "建湖县"],
  ["320981", "东台市"],
  ["321002", "广陵区"],
  ["321003", "邗江区"],
  ["321012", "江都区"],
  ["321023", "宝应县"],
  ["321081", "仪征市"],
  ["321084", "高邮市"],
  ["321102", "京口区"],
  ["321111", "润州区"],
  ["321112", "丹徒区"],
  ["321181", "丹阳市"],
  ["321182", "扬中市"],
  ["321183", "句容市"],
  ["321202", "海陵区"],
  ["321203", "高港区"],
  ["321204", "姜堰区"],
  ["321281", "兴化市"],
  ["321282", "靖江市"],
  ["321283", "泰兴市"],
  ["321302", "宿城区"],
  ["321311", "宿豫区"],
  ["321322", "沭阳县"],
  ["321323", "泗阳县"],
  ["321324", "泗洪县"]
]

const cityCodeOf = (code: RegionCode): RegionCode => `${code.slice(0, 4)}00`
const provinceCodeOf = (code: RegionCode): RegionCode => `${code.slice(0, 2)}0000`

const REGIONS = new Map<RegionCode, Region>([
  [JIANGSU, { code: JIANGSU, name: "江苏省", level: "province", parent: undefined }],
  ...CITIES.map(([code, name]): [RegionCode, Region] => [
    code,
    { code, name, level: "city", parent: JIANGSU }
  ]),
  ...COUNTIES.map(([code, name]): [RegionCode, Region] => [
    code,
    { code, name, level: "county", parent: cityCodeOf(code) }
  ])
])

/** Every Jiangsu region: the province, then the 13 cities, then the 95 county-level units. */
export const jiangsuRegions: ReadonlyArray<Region> = [...REGIONS.values()]

export const jiangsuCities: ReadonlyArray<Region> = jiangsuRegions.filter((r) => r.level === "city")
export const jiangsuCounties: ReadonlyArray<Region> = jiangsuRegions.filter((r) => r.level === "county")

export const regionOf = (code: RegionCode): Region | undefined => REGIONS.get(code)

export const isJiangsuRegion = (code: RegionCode): boolean => REGIONS.has(code)

/** GB/T 2260 province prefixes (the 34 provincial-level divisions). */
const PROVINCE_PREFIXES = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "81",
  "82"
])

export const isProvincePrefix = (two: string): boolean => PROVINCE_PREFIXES.has(two)

/**
 * A region code this system accepts: any Jiangsu region of the table, or a structurally valid code of another
 * province (6 digits, known province prefix) — contestants and employers may come from anywhere.
 */
export const isRegionCode = (code: string): boolean =>
  /^\d{6}$/.test(code) &&
  (code.startsWith("32") ? REGIONS.has(code) : PROVINCE_PREFIXES.has(code.slice(0, 2)))

export const levelOfCode = (code: RegionCode): RegionLevel =>
  code.endsWith("0000") ? "province" : code.endsWith("00") ? "city" : "county"

/** The region that contains `code` at `level` (a county's city, any code's province); itself at its own level. */
export const ancestorAt = (code: RegionCode, level: RegionLevel): RegionCode =>
  level === "province" ? provinceCodeOf(code) : level === "city" ? cityCodeOf(code) : code

export const parentOf = (code: RegionCode): RegionCode | undefined => {
  const level = levelOfCode(code)
  return level === "province" ? undefined : level === "city" ? provinceCodeOf(code) : cityCodeOf(code)
}

/** true when `code` is `ancestor` or lies inside it (a county in its city, anything in its province). */
export const isWithinRegion = (code: RegionCode, ancestor: RegionCode): boolean => {
  const level = levelOfCode(ancestor)
  return rank(levelOfCode(code)) >= rank(level) && ancestorAt(code, level) === ancestor
}

const rank = (level: RegionLevel): number => (level === "province" ? 0 : level === "city" ? 1 : 2)

/** "Same region at a level": both codes fall in the same province / city / county. */
export const sameRegionAt = (a: RegionCode, b: RegionCode, level: RegionLevel): boolean =>
  rank(levelOfCode(a)) >= rank(level) &&
  rank(levelOfCode(b)) >= rank(level) &&
  ancestorAt(a, level) === ancestorAt(b, level)

/** The region's name with its parents, e.g. "江苏省南京市玄武区"; the code itself when unknown. */
export const fullNameOf = (code: RegionCode): string => {
  const r = REGIONS.get(code)
  if (r === undefined) return code
  return r.parent === undefined ? r.name : `${fullNameOf(r.parent)}${r.name}`
}
