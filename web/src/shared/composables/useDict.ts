import { computed, ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { reportError } from '../errors'
import { http, isApiError } from '../http'
import { i18n } from '../i18n'

/** An item of `GET /dictionaries/{code}/items` (the fields this helper uses). */
export interface DictEntry {
  code: string
  label: string
  labelEn: string
  sortOrder: number
  enabled: boolean
}

export interface DictOption {
  value: string
  label: string
}

interface CacheEntry {
  items: ShallowRef<DictEntry[]>
  loaded: Ref<boolean>
  ready: Promise<void>
}

// One request per dictionary per page load, shared by every component that asks.
const cache = new Map<string, CacheEntry>()

function entryFor(code: string): CacheEntry {
  const cached = cache.get(code)
  if (cached) return cached
  const items = shallowRef<DictEntry[]>([])
  const loaded = ref(false)
  const ready = http
    .get<DictEntry[]>(`/dictionaries/${encodeURIComponent(code)}/items`)
    .then(
      (list) => {
        items.value = [...(list ?? [])].sort((a, b) => a.sortOrder - b.sortOrder)
      },
      (err: unknown) => {
        // A missing dictionary is not an error for the page: labels fall back to codes.
        if (isApiError(err, 'not_found')) return
        cache.delete(code) // try again next time
        reportError(err)
      },
    )
    .finally(() => {
      loaded.value = true
    })
  const entry = { items, loaded, ready }
  cache.set(code, entry)
  return entry
}

/** The item's label in the UI language (English falls back to Chinese, then to the code). */
export function dictLabel(item: DictEntry): string {
  if (i18n.global.locale.value === 'en' && item.labelEn) return item.labelEn
  return item.label || item.code
}

/**
 * Labels and options of one dictionary, fetched once and cached. `label(code)` follows the UI
 * language and falls back to the code itself (unknown code, dictionary missing or not loaded
 * yet). `options` lists enabled items only; `label` knows disabled ones too. `fallbackCodes`
 * (the codes the API contract fixes) become the options, labelled by code, while the
 * dictionary has no items (missing on this server, or not loaded yet).
 */
export function useDict(code: string, fallbackCodes: readonly string[] = []) {
  const entry = entryFor(code)
  const byCode = computed(() => new Map(entry.items.value.map((item) => [item.code, item])))
  const options = computed<DictOption[]>(() =>
    entry.items.value.length === 0
      ? fallbackCodes.map((value) => ({ value, label: value }))
      : entry.items.value
          .filter((item) => item.enabled)
          .map((item) => ({ value: item.code, label: dictLabel(item) })),
  )
  function label(value: string | null | undefined): string {
    if (value === null || value === undefined || value === '') return ''
    const item = byCode.value.get(value)
    return item ? dictLabel(item) : value
  }
  return { items: entry.items, options, label, loaded: entry.loaded, ready: entry.ready }
}

export type Dict = ReturnType<typeof useDict>

/** Forgets cached dictionaries (all, or one) so the next use fetches them again. */
export function invalidateDicts(code?: string): void {
  if (code === undefined) cache.clear()
  else cache.delete(code)
}
