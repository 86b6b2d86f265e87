import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import localizedFormat from 'dayjs/plugin/localizedFormat'
import { createI18n } from 'vue-i18n'
import en from './en'
import zhCN, { type MessageSchema } from './zh-CN'

dayjs.extend(localizedFormat)

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'
export const LOCALE_STORAGE_KEY = 'ankang.locale'

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY)
    return isLocale(value) ? value : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
})

function applyLocale(locale: Locale): void {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn')
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}
applyLocale(storedLocale())

export function currentLocale(): Locale {
  return i18n.global.locale.value
}

/** Switches UI, Element Plus (via App.vue) and dayjs locale, and remembers the choice. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  applyLocale(locale)
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // private mode: the choice just is not remembered
  }
}

export { isLocale }
