import type { Id } from '@/shared/types'

/** Where each kind of entity a message or a to-do may point to is shown. */
const ENTITY_PATHS: Record<string, string> = {
  hazard: '/supervision/hazards',
  document: '/supervision/documents',
  inspection: '/supervision/inspections',
  worker_report: '/reports',
  statistical_report: '/statistics/annual-reports',
}

/** The page of the entity a message or a to-do is about; undefined when it points nowhere known. */
export function entityPath(
  entityType: string,
  entityId: Id | null | undefined,
): string | undefined {
  const base = ENTITY_PATHS[entityType]
  if (!base || entityId === null || entityId === undefined) return undefined
  return `${base}/${entityId}`
}
