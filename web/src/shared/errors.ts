import { ElMessage } from 'element-plus'
import { isApiError } from './http'
import { i18n } from './i18n'

/** A message fit for the user: the server's localised message, else a generic one. */
export function errorMessage(err: unknown): string {
  const { t } = i18n.global
  if (isApiError(err)) return err.message || t(`errors.${err.code}`)
  return t('errors.unknown')
}

/**
 * Shows an error toast. 401 and `password_change_required` are skipped: the HTTP layer has
 * already sent the user to the login or change-password page.
 */
export function reportError(err: unknown): void {
  if (isApiError(err, 'unauthenticated') || isApiError(err, 'password_change_required')) return
  if (!isApiError(err)) console.error(err)
  ElMessage.error({ message: errorMessage(err), grouping: true })
}
