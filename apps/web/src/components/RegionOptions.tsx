/** The options of a region select: the province, then each 设区市 with its 区（县） (GB/T 2260, domain Region). */
import { jiangsuCities, jiangsuCounties } from "@jineng/domain/codes/Region"
import { For } from "solid-js"

export const RegionOptions = (props: { readonly anyLabel: string }) => (
  <>
    <option value="">{props.anyLabel}</option>
    <For each={jiangsuCities}>
      {(city) => (
        <optgroup label={city.name}>
          <option value={city.code}>{city.name}（全市）</option>
          <For each={jiangsuCounties.filter((county) => county.parent === city.code)}>
            {(county) => <option value={county.code}>{county.name}</option>}
          </For>
        </optgroup>
      )}
    </For>
  </>
)
