import type { Directive } from 'vue'
import { useAuthStore } from '@/modules/auth/store'

/** `can('system:user:create')` for script code; templates can use the store's `can` too. */
export function can(key?: string | readonly string[]): boolean {
  return useAuthStore().can(key)
}

/**
 * `v-permission="'system:user:update'"` (or an array: any key suffices) removes the element
 * when the user lacks the permission. Permissions are loaded before any page renders, so a
 * check at mount time is enough. Import it where used: `import { vPermission } from …`.
 */
export const vPermission: Directive<HTMLElement, string | readonly string[]> = {
  mounted(el, binding) {
    if (!can(binding.value)) el.parentNode?.removeChild(el)
  },
}
