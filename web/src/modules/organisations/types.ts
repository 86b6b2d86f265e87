import type { Id } from '@/shared/types'

export interface Organisation {
  id: Id
  parentId: Id | null
  name: string
  code: string
  orgType: string
  level: number
  hasChildren: boolean
}
