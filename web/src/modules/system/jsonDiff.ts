import type { JsonObject } from './types'

export interface DiffLine {
  key: string
  /** Pretty JSON of the value, or undefined when the key is absent on this side. */
  text: string | undefined
  changed: boolean
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? 'null'
}

/**
 * Top-level keys of both sides in a stable order (before's keys first), with each side's
 * value as pretty JSON and whether it differs (only when both sides exist). Used to show audit
 * before/after side by side.
 */
export function diffObjects(
  before: JsonObject | null,
  after: JsonObject | null,
): { keys: string[]; before: DiffLine[]; after: DiffLine[]; changed: string[] } {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
  // A create or delete has one side only: every field "changed", which says nothing.
  const comparable = before !== null && after !== null
  const changed: string[] = []
  const left: DiffLine[] = []
  const right: DiffLine[] = []
  for (const key of keys) {
    const b = before && key in before ? pretty(before[key]) : undefined
    const a = after && key in after ? pretty(after[key]) : undefined
    const isChanged = comparable && b !== a
    if (isChanged) changed.push(key)
    left.push({ key, text: b, changed: isChanged })
    right.push({ key, text: a, changed: isChanged })
  }
  return { keys, before: left, after: right, changed }
}
