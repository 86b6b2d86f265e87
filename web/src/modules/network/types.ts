import type { EpochMs, Id } from '@/shared/types'

// The labour-protection supervision network (docs/api-contract.md, "Supervision network").

export type CommitteeStatus = 'ACTIVE' | 'EXPIRED' | 'DISSOLVED'
export type MemberRole = 'CHAIR' | 'VICE_CHAIR' | 'MEMBER'

export interface CommitteeMember {
  name: string
  role: MemberRole
  phone: string
  position: string
}

export interface Committee {
  id: Id
  organisationId: Id
  organisationName: string
  establishedOn: string
  approvedBy: string
  termEnd: string
  status: CommitteeStatus
  memberCount: number
  chairName: string
  viceChairCount: number
  members: CommitteeMember[]
  createdAt: EpochMs
  updatedAt: EpochMs
}

export interface CommitteeInput {
  organisationId: Id
  establishedOn: string
  approvedBy?: string
  termEnd?: string
  status: CommitteeStatus
  members: CommitteeMember[]
}

export interface CommitteeForm {
  organisationId: Id | undefined
  organisationName: string
  establishedOn: string
  approvedBy: string
  termEnd: string
  status: CommitteeStatus
  members: CommitteeMember[]
}

/** Workflow W10 states (EXAMINED ends in PASSED or FAILED). */
export type InspectorStatus =
  | 'NOMINATED'
  | 'TRAINING'
  | 'PASSED'
  | 'FAILED'
  | 'CLOSED'
  | 'APPOINTED'
  | 'ACTIVE'
  | 'SUSPENDED'
  | 'TERM_EXPIRED'
  | 'REVOKED'
  | 'RESIGNED'
  | 'RETIRED'

export type EmploymentMode = 'FULLTIME' | 'PARTTIME' | 'SPECIALLY_INVITED'

export interface Inspector {
  id: Id
  name: string
  gender: '' | 'MALE' | 'FEMALE'
  phone: string
  homeOrganisationId: Id
  homeOrganisationName: string
  appointingOrganisationId: Id | null
  appointingOrganisationName: string | null
  certificateNo: string
  employmentMode: EmploymentMode
  appointmentDate: string
  termEnd: string
  status: InspectorStatus
  /** The statuses the server's W10 table allows next. */
  nextStatuses: InspectorStatus[]
  notes: string
  createdAt: EpochMs
  updatedAt: EpochMs
}

export interface InspectorInput {
  name: string
  gender?: string
  phone?: string
  homeOrganisationId: Id
  employmentMode: EmploymentMode
  termEnd?: string
  notes?: string
}

export interface InspectorForm {
  name: string
  gender: '' | 'MALE' | 'FEMALE'
  phone: string
  homeOrganisationId: Id | undefined
  homeOrganisationName: string
  employmentMode: EmploymentMode | ''
  termEnd: string
  notes: string
}

export interface TransitionInput {
  to: InspectorStatus
  date: string
  note?: string
  appointingOrganisationId?: Id
  certificateNo?: string
  termEnd?: string
}

export interface TransitionForm {
  to: InspectorStatus | ''
  date: string
  note: string
  appointingOrganisationId: Id | undefined
  appointingOrganisationName: string
  certificateNo: string
  termEnd: string
}

export interface StatusChange {
  id: Id
  fromStatus: InspectorStatus | null
  toStatus: InspectorStatus
  date: string
  note: string
  userId: Id | null
  username: string
  createdAt: EpochMs
}

export type VolunteerKind = 'GROUP_INSPECTOR' | 'MASS_SUPERVISOR'
export type VolunteerStatus = 'ACTIVE' | 'TERM_EXPIRED' | 'LEFT'

export interface Volunteer {
  id: Id
  kind: VolunteerKind
  subtype: string
  name: string
  phone: string
  organisationId: Id
  organisationName: string
  enterpriseId: Id | null
  enterpriseName: string | null
  team: string
  appointedOn: string
  termEnd: string
  status: VolunteerStatus
  createdAt: EpochMs
  updatedAt: EpochMs
}

export interface VolunteerInput {
  kind: VolunteerKind
  subtype?: string
  name: string
  phone?: string
  organisationId: Id
  enterpriseId?: Id
  team?: string
  appointedOn: string
  termEnd?: string
  status: VolunteerStatus
}

export interface VolunteerForm {
  kind: VolunteerKind
  subtype: string
  name: string
  phone: string
  organisationId: Id | undefined
  organisationName: string
  enterpriseId: Id | undefined
  enterpriseName: string
  team: string
  appointedOn: string
  termEnd: string
  status: VolunteerStatus
}

export interface Staffing {
  id: Id
  organisationId: Id
  organisationName: string
  year: number
  hasLpDepartment: boolean
  lpDepartmentName: string
  fulltimeLpCadres: number
  parttimeLpCadres: number
  authorisedPosts: number
  /** Money is integer fen (分) on the wire. */
  budgetPlannedFen: number
  budgetSpentFen: number
  notes: string
  createdAt: EpochMs
  updatedAt: EpochMs
}

export type StaffingInput = Omit<Staffing, 'id' | 'organisationName' | 'createdAt' | 'updatedAt'>

export interface StaffingTotals {
  organisations: number
  withDepartment: number
  fulltimeLpCadres: number
  parttimeLpCadres: number
  authorisedPosts: number
  budgetPlannedFen: number
  budgetSpentFen: number
}

export interface StaffingPage {
  items: Staffing[]
  total: number
  totals: StaffingTotals
}

/** The staffing form edits money in yuan (two decimals). */
export interface StaffingForm {
  organisationId: Id | undefined
  organisationName: string
  year: number
  hasLpDepartment: boolean
  lpDepartmentName: string
  fulltimeLpCadres: number
  parttimeLpCadres: number
  authorisedPosts: number
  budgetPlannedYuan: number | undefined
  budgetSpentYuan: number | undefined
  notes: string
}
