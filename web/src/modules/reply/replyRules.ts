import type { FormItemRule } from 'element-plus'
import { i18n } from '@/shared/i18n'
import { TYPING } from '@/shared/validators'
import type { ReplyForm } from './types'

type Validate = (value: unknown) => string | null

function rule(validate: Validate, trigger: FormItemRule['trigger'] = TYPING): FormItemRule {
  return {
    trigger,
    validator: (_rule, value: unknown, callback) => {
      const message = validate(value)
      if (message) callback(new Error(message))
      else callback()
    },
  }
}

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === ''

/** Today as YYYY-MM-DD in Asia/Shanghai (the calendar every deadline uses). */
export function shanghaiToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now)
}

/**
 * The form's rules for the chosen decision, as the server checks them: ACCEPT needs a plan and a deadline
 * not before today, RECTIFIED at least one photo, DISPUTE the reasons.
 */
export function replyRules(
  form: ReplyForm,
  today: string = shanghaiToday(),
): Record<string, FormItemRule[]> {
  const t = i18n.global.t
  return {
    decision: [rule((v) => (blank(v) ? t('reply.errors.decision') : null), 'change')],
    plan: [
      rule((v) => (form.decision === 'ACCEPT' && blank(v) ? t('reply.errors.plan') : null)),
      rule((v) =>
        typeof v === 'string' && [...v].length > 5000
          ? t('reply.errors.tooLong', { max: 5000 })
          : null,
      ),
    ],
    rectificationDeadline: [
      rule((v) => {
        if (form.decision !== 'ACCEPT') return null
        if (blank(v)) return t('reply.errors.deadline')
        if (!/^\d{4}-\d{2}-\d{2}$/.test(String(v))) return t('reply.errors.dateFormat')
        return String(v) < today ? t('reply.errors.deadlinePast') : null
      }, 'change'),
    ],
    content: [
      rule((v) => (form.decision === 'DISPUTE' && blank(v) ? t('reply.errors.reasons') : null)),
      rule((v) =>
        typeof v === 'string' && [...v].length > 5000
          ? t('reply.errors.tooLong', { max: 5000 })
          : null,
      ),
    ],
    contact: [
      rule((v) =>
        typeof v === 'string' && [...v].length > 100
          ? t('reply.errors.tooLong', { max: 100 })
          : null,
      ),
    ],
    evidenceFileIds: [
      rule(
        (v) =>
          form.decision === 'RECTIFIED' && (!Array.isArray(v) || v.length === 0)
            ? t('reply.errors.photos')
            : null,
        'change',
      ),
    ],
  }
}
