/**
 * useState whose latest value is also readable at once through a ref: a screen's key handler reads the ref, so
 * keys arriving faster than the screen redraws act on the state the previous key left, not on the last frame.
 */
import {
  type Dispatch,
  type MutableRefObject,
  type SetStateAction,
  useCallback,
  useRef,
  useState
} from "react"

export const useStateRef = <S>(
  initial: S
): readonly [S, Dispatch<SetStateAction<S>>, MutableRefObject<S>] => {
  const [state, setState] = useState(initial)
  const ref = useRef(state)
  const set = useCallback((next: SetStateAction<S>) => {
    const value = typeof next === "function" ? (next as (s: S) => S)(ref.current) : next
    ref.current = value
    setState(value)
  }, [])
  return [state, set, ref] as const
}
