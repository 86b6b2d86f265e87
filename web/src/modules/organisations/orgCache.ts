import type { Id } from '@/shared/types'
import type { Organisation } from './types'

/** The calls of organisationApi this cache needs (kept small so tests can fake them). */
export interface OrgSource {
  get: (id: Id) => Promise<Organisation>
  children: (id: Id) => Promise<Organisation[]>
}

/** Deepest walk up the tree before giving up (guards against a parent loop in bad data). */
const MAX_DEPTH = 64

/**
 * What one page has learnt about organisations: every organisation seen (tree nodes, search
 * results, parents), and the children of each opened node, fetched once and shared by the tree
 * and the children table. Failed requests are forgotten so they can be retried.
 */
export function createOrgCache(source: OrgSource, rootId: () => Id | undefined) {
  const known = new Map<Id, Organisation>()
  const pending = new Map<Id, Promise<Organisation>>()
  const childLists = new Map<Id, Promise<Organisation[]>>()

  function remember(org: Organisation): void {
    known.set(org.id, org)
  }

  function get(id: Id): Promise<Organisation> {
    const org = known.get(id)
    if (org) return Promise.resolve(org)
    let request = pending.get(id)
    if (!request) {
      request = source.get(id).then(
        (value) => {
          pending.delete(id)
          remember(value)
          return value
        },
        (err: unknown) => {
          pending.delete(id)
          throw err
        },
      )
      pending.set(id, request)
    }
    return request
  }

  function children(id: Id): Promise<Organisation[]> {
    let request = childLists.get(id)
    if (!request) {
      request = source.children(id).then(
        (list) => {
          for (const org of list) remember(org)
          return list
        },
        (err: unknown) => {
          childLists.delete(id)
          throw err
        },
      )
      childLists.set(id, request)
    }
    return request
  }

  /**
   * `org` and its ancestors up to the user's own organisation, root first. Ancestors already
   * seen are not fetched again; the others come from `GET /organisations/{parentId}`.
   */
  async function pathTo(org: Organisation): Promise<Organisation[]> {
    remember(org)
    const root = rootId()
    const trail = [org]
    let current = org
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      if (current.id === root || current.parentId === null) break
      current = await get(current.parentId)
      trail.unshift(current)
    }
    return trail
  }

  return { remember, get, children, pathTo, known }
}

export type OrgCache = ReturnType<typeof createOrgCache>
