import type { Permission } from './types'

export interface PermissionNode {
  key: string
  label: string
  children?: PermissionNode[]
}

export const MODULE_PREFIX = 'module:'

/**
 * Groups the server's permission keys by module for a checkbox tree, keeping the server's
 * order. `moduleLabel` names a module; `en` picks labelEn over labelZh.
 */
export function groupPermissions(
  permissions: readonly Permission[],
  moduleLabel: (module: string) => string,
  en: boolean,
): PermissionNode[] {
  const groups = new Map<string, PermissionNode>()
  for (const p of permissions) {
    let group = groups.get(p.module)
    if (!group) {
      group = { key: `${MODULE_PREFIX}${p.module}`, label: moduleLabel(p.module), children: [] }
      groups.set(p.module, group)
    }
    group.children?.push({ key: p.key, label: (en ? p.labelEn : p.labelZh) || p.key })
  }
  return [...groups.values()]
}

/** Checked tree keys → permission keys (group nodes dropped). */
export function permissionKeys(checked: readonly (string | number)[]): string[] {
  return checked.map(String).filter((key) => !key.startsWith(MODULE_PREFIX))
}
