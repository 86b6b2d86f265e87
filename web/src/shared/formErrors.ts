import type { FormInstance } from 'element-plus'
import { isApiError } from './http'

/** The part of an el-form instance this helper needs (kept small so tests can fake it). */
export type FieldErrorTarget = Pick<FormInstance, 'getField'>

/**
 * Shows server field errors (`fields` of a 400 answer) under the matching el-form-items, as if
 * the form's own validation had failed. Returns the messages whose field is not in the form,
 * so the caller can show them another way.
 */
export function applyFieldErrors(
  form: FieldErrorTarget | undefined,
  fields: Record<string, string>,
): string[] {
  const unmatched: string[] = []
  for (const [prop, message] of Object.entries(fields)) {
    const item = form?.getField(prop)
    if (item) {
      item.validateState = 'error'
      item.validateMessage = message
    } else {
      unmatched.push(message)
    }
  }
  return unmatched
}

/**
 * For a submit's catch block: maps an ApiError's `fields` onto the form. Returns true when the
 * error was fully shown that way (nothing left for a toast).
 */
export function showFieldErrors(form: FieldErrorTarget | undefined, err: unknown): boolean {
  if (!isApiError(err) || !err.hasFieldErrors) return false
  return applyFieldErrors(form, err.fields).length === 0
}
