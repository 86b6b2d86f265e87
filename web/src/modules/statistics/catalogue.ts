// The indicator catalogue (GET /statistics/indicators), asked once per page load and shared by the pages.
import { shallowRef } from 'vue'
import { statisticsApi } from './api'
import type { Indicator } from './types'

const catalogue = shallowRef<ReadonlyMap<string, Indicator>>(new Map())
let loading: Promise<void> | null = null

/** The catalogue by code; empty until it has answered (pages fall back to their own names and kinds). */
export function useCatalogue() {
  loading ??= statisticsApi.indicators().then(
    (answer) => {
      catalogue.value = new Map(answer.items.map((item) => [item.code, item]))
    },
    () => {
      // The figures still show with this page's names; try again on the next page.
      loading = null
    },
  )
  return catalogue
}

/** For tests: forget the catalogue. */
export function resetCatalogue(): void {
  catalogue.value = new Map()
  loading = null
}
