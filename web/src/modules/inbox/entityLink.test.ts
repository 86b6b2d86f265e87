import { describe, expect, it } from 'vitest'
import { entityPath } from './entityLink'

describe('entityPath', () => {
  it('opens hazards, documents and inspections on their supervision pages', () => {
    expect(entityPath('hazard', 7)).toBe('/supervision/hazards/7')
    expect(entityPath('document', 12)).toBe('/supervision/documents/12')
    expect(entityPath('worker_report', 5)).toBe('/reports/5')
    expect(entityPath('inspection', 3)).toBe('/supervision/inspections/3')
  })

  it('has no link for a message about nothing or about an unknown kind of entity', () => {
    expect(entityPath('', null)).toBeUndefined()
    expect(entityPath('hazard', null)).toBeUndefined()
    expect(entityPath('enterprise', 4)).toBeUndefined()
  })
})
