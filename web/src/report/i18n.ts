// The worker's page has its own tiny message table (vue-i18n would cost ~20 KB gzip of a 100 KB budget).
// Chinese first; English behind a switch. `t('a.b', { n: 3 })` replaces `{n}`.
import { ref } from 'vue'

const zh = {
  title: '职工隐患随手拍',
  switchLang: 'EN',
  loading: '加载中…',
  entry: {
    invalid: '二维码无效',
    invalidHint: '请核对二维码，或联系工会。',
    revoked: '该二维码已停用',
    revokedHint: '请扫描现场张贴的新二维码，或联系工会。',
    failed: '加载失败，请检查网络后重试',
    retry: '重试',
    enterprise: '单位',
    site: '场所',
    union: '受理工会',
    intro: '发现安全隐患？拍下来告诉工会。工会将在规定时限内受理，并可以匿名和您沟通。',
  },
  form: {
    category: '隐患类别',
    description: '发生了什么',
    descriptionPlaceholder: '请描述您看到的隐患：什么东西、什么问题、可能造成什么后果',
    location: '在哪里',
    locationPlaceholder: '如：二号车间东侧配电箱',
    photos: '照片',
    photosHint: '最多 6 张，可拍照或从相册选择。照片会先在手机上压缩，并去除拍摄时间、位置等信息。',
    addPhoto: '添加照片',
    anonymity: '是否留名',
    anonymous: '匿名',
    named: '实名',
    anonymousExplain:
      '匿名：不保存您的姓名、手机号和网络地址，工会和单位都不知道是谁报告的。凭回执码查询进度、与工会沟通。',
    namedExplain:
      '实名：请留下姓名和手机号，方便工会联系您核实。只有总工会指定的工作人员能看到，单位永远看不到。',
    name: '姓名',
    namePlaceholder: '您的姓名',
    phone: '手机号',
    phonePlaceholder: '11 位手机号',
    submit: '提交报告',
    submitting: '正在提交…',
    waitUploads: '请等照片上传完成',
    fixPhotos: '有照片上传失败，请重试或删除后再提交',
    checkForm: '请先修改标红的内容',
  },
  photo: {
    shrinking: '处理中',
    uploading: '上传中',
    failed: '上传失败',
    unreadable: '无法读取这张照片',
    retry: '重试',
    remove: '删除',
    tooMany: '最多 6 张照片',
  },
  v: {
    categoryRequired: '请选择隐患类别',
    descriptionRequired: '请描述发生了什么',
    descriptionShort: '请至少写 {min} 个字',
    descriptionLong: '最多 {max} 个字',
    locationLong: '最多 {max} 个字',
    nameRequired: '请填写姓名',
    nameLong: '姓名最多 {max} 个字',
    phoneRequired: '请填写手机号',
    phoneInvalid: '请填写正确的 11 位手机号',
    receiptRequired: '请输入回执码',
    receiptInvalid: '回执码是 20 位数字',
    messageRequired: '请输入内容',
    messageLong: '最多 {max} 个字',
  },
  receipt: {
    heading: '报告已提交',
    label: '您的回执码',
    copy: '复制回执码',
    copied: '已复制',
    copyFailed: '复制失败，请手动抄下',
    due: '工会应在 {date} 前受理',
    explain:
      '回执码是查询进度、和工会沟通的唯一凭证。它只显示这一次，丢失后无法找回（系统不保存任何能认出您的信息）。请截图或抄下来，妥善保存。',
    saved: '我已保存回执码',
    mustSave: '请先保存回执码，并勾选“我已保存回执码”',
    status: '查询进度',
    another: '再报告一件',
    leaveWarning: '离开后将无法再看到回执码',
  },
  status: {
    heading: '查询进度',
    receipt: '回执码',
    receiptPlaceholder: '20 位数字，可带空格',
    lookup: '查询',
    wrong: '回执码不正确',
    newReport: '怎样报告隐患？请扫描单位张贴的二维码。',
    steps: {
      submitted: '已提交',
      acknowledged: '已受理',
      accepted: '已立案',
      resolved: '已整改',
      rejected: '已驳回',
      merged: '已合并',
    },
    labels: {
      SUBMITTED: '已提交，待受理',
      UNDER_REVIEW: '已受理，核实中',
      ACCEPTED: '已立案为隐患',
      DUPLICATE: '已合并到正在处理的案件',
      REJECTED: '已驳回',
      RESOLVED: '隐患已整改',
    },
    outcomes: {
      RESOLVED: '已整改',
      IN_PROGRESS: '处理中',
    },
    // The hazard categories of ADR 0010, for the status page (its answer carries the code only).
    categories: {
      UNSAFE_CONDITION: '物的不安全状态',
      UNSAFE_ACT: '人的不安全行为',
      MANAGEMENT_DEFECT: '管理缺陷',
      OCCUPATIONAL_HEALTH: '职业病危害',
      ENVIRONMENT: '作业环境',
    },
    mergedHint: '同一隐患已有人报告，工会正在处理，您可以在这里跟踪结果。',
    status: '状态',
    outcome: '处理结果',
    rejectReason: '驳回理由',
    submittedOn: '提交日期',
    due: '受理期限',
    enterprise: '单位',
    category: '类别',
    description: '报告内容',
    location: '地点',
    events: '进展',
    messages: '与工会的对话',
    noMessages: '还没有消息',
    unread: '工会有 {n} 条新回复',
    me: '我',
    union: '工会',
    messagePlaceholder: '给工会留言（不要写能认出您的信息，除非您愿意）',
    send: '发送',
    sent: '已发送',
    other: '查询其他回执码',
  },
  errors: {
    rateLimited: '提交太频繁，请稍后再试',
    retryIn: '（{wait}后可再试）',
    seconds: '{n} 秒',
    minutes: '{n} 分钟',
    network: '网络不通，请检查后重试',
    tooLarge: '照片太大',
    generic: '出错了，请稍后再试',
  },
}

type Messages = typeof zh

const en: Messages = {
  title: 'Report a hazard',
  switchLang: '中文',
  loading: 'Loading…',
  entry: {
    invalid: 'This QR code is not valid',
    invalidHint: 'Check the QR code or contact the union.',
    revoked: 'This QR code is no longer in use',
    revokedHint: 'Scan the new QR code posted at your workplace, or contact the union.',
    failed: 'Could not load. Check your connection and try again',
    retry: 'Try again',
    enterprise: 'Workplace',
    site: 'Site',
    union: 'Handled by',
    intro:
      'Seen a danger at work? Take a photo and tell the union. The union must answer in time and can talk with you without knowing who you are.',
  },
  form: {
    category: 'Kind of hazard',
    description: 'What happened',
    descriptionPlaceholder: 'What did you see: the thing, the problem, and what could happen',
    location: 'Where',
    locationPlaceholder: 'e.g. workshop 2, east switchboard',
    photos: 'Photos',
    photosHint:
      'Up to 6, from the camera or the gallery. Photos are shrunk on your phone first, which removes the time and place they were taken.',
    addPhoto: 'Add photo',
    anonymity: 'Give your name?',
    anonymous: 'Anonymous',
    named: 'With my name',
    anonymousExplain:
      'Anonymous: no name, no phone number and no network address is kept. Neither the union nor the employer knows who reported. You follow the case and talk with the union using the receipt code.',
    namedExplain:
      "With your name: leave your name and mobile number so the union can call you. Only the federation's designated staff can see them, never the employer.",
    name: 'Name',
    namePlaceholder: 'Your name',
    phone: 'Mobile',
    phonePlaceholder: '11-digit mobile number',
    submit: 'Send report',
    submitting: 'Sending…',
    waitUploads: 'Please wait until the photos are uploaded',
    fixPhotos: 'A photo failed to upload: retry or remove it first',
    checkForm: 'Please correct the fields marked in red',
  },
  photo: {
    shrinking: 'Preparing',
    uploading: 'Uploading',
    failed: 'Upload failed',
    unreadable: 'This photo cannot be read',
    retry: 'Retry',
    remove: 'Remove',
    tooMany: 'At most 6 photos',
  },
  v: {
    categoryRequired: 'Choose the kind of hazard',
    descriptionRequired: 'Describe what happened',
    descriptionShort: 'Write at least {min} characters',
    descriptionLong: 'At most {max} characters',
    locationLong: 'At most {max} characters',
    nameRequired: 'Enter your name',
    nameLong: 'At most {max} characters',
    phoneRequired: 'Enter your mobile number',
    phoneInvalid: 'Enter a valid 11-digit mobile number',
    receiptRequired: 'Enter the receipt code',
    receiptInvalid: 'The receipt code has 20 digits',
    messageRequired: 'Write a message',
    messageLong: 'At most {max} characters',
  },
  receipt: {
    heading: 'Report sent',
    label: 'Your receipt code',
    copy: 'Copy code',
    copied: 'Copied',
    copyFailed: 'Could not copy; please write it down',
    due: 'The union must acknowledge it by {date}',
    explain:
      'The receipt code is the only way back to your case and to the union. It is shown only now and cannot be recovered if lost (nothing that identifies you is kept). Take a screenshot or write it down.',
    saved: 'I have saved the receipt code',
    mustSave: 'Save the receipt code and tick "I have saved the receipt code" first',
    status: 'Check progress',
    another: 'Report another',
    leaveWarning: 'You will not see the receipt code again after leaving',
  },
  status: {
    heading: 'Check progress',
    receipt: 'Receipt code',
    receiptPlaceholder: '20 digits, spaces allowed',
    lookup: 'Look up',
    wrong: 'Receipt code not recognised',
    newReport: 'To report a hazard, scan the QR code posted at your workplace.',
    steps: {
      submitted: 'Sent',
      acknowledged: 'Acknowledged',
      accepted: 'Case opened',
      resolved: 'Fixed',
      rejected: 'Rejected',
      merged: 'Merged',
    },
    labels: {
      SUBMITTED: 'Sent, waiting to be acknowledged',
      UNDER_REVIEW: 'Acknowledged, being checked',
      ACCEPTED: 'Opened as a hazard case',
      DUPLICATE: 'Merged into a case already being handled',
      REJECTED: 'Rejected',
      RESOLVED: 'The hazard has been fixed',
    },
    outcomes: {
      RESOLVED: 'Fixed',
      IN_PROGRESS: 'Being handled',
    },
    categories: {
      UNSAFE_CONDITION: 'Unsafe condition',
      UNSAFE_ACT: 'Unsafe act',
      MANAGEMENT_DEFECT: 'Management defect',
      OCCUPATIONAL_HEALTH: 'Occupational health',
      ENVIRONMENT: 'Work environment',
    },
    mergedHint:
      'Someone already reported this hazard and the union is handling it; follow the outcome here.',
    status: 'Status',
    outcome: 'Outcome',
    rejectReason: 'Reason',
    submittedOn: 'Sent on',
    due: 'Acknowledge by',
    enterprise: 'Workplace',
    category: 'Kind',
    description: 'Report',
    location: 'Where',
    events: 'Progress',
    messages: 'Messages with the union',
    noMessages: 'No messages yet',
    unread: '{n} new replies from the union',
    me: 'Me',
    union: 'Union',
    messagePlaceholder:
      'Message to the union (leave out anything that identifies you, unless you wish)',
    send: 'Send',
    sent: 'Sent',
    other: 'Look up another code',
  },
  errors: {
    rateLimited: 'Too many attempts, please try again later',
    retryIn: ' (try again in {wait})',
    seconds: '{n} s',
    minutes: '{n} min',
    network: 'No connection, please check and try again',
    tooLarge: 'The photo is too large',
    generic: 'Something went wrong, please try again later',
  },
}

export type ReportLocale = 'zh-CN' | 'en'
export const messages: Record<ReportLocale, Messages> = { 'zh-CN': zh, en }

/** Current language of the worker's page (in memory only: nothing is stored on the phone). */
export const locale = ref<ReportLocale>('zh-CN')

export function setLocale(value: ReportLocale): void {
  locale.value = value
  if (typeof document !== 'undefined') document.documentElement.lang = value
}

function lookup(table: unknown, key: string): string | undefined {
  let node: unknown = table
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}

/** The message for `key` in the current language (Chinese, then the key itself, as fallbacks). */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const text = lookup(messages[locale.value], key) ?? lookup(zh, key) ?? key
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  )
}

/** Whether `key` names a message (for labels keyed by server codes that may be new). */
export function has(key: string): boolean {
  return lookup(zh, key) !== undefined
}
