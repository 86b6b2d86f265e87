// async-validator logs every failed rule with console.warn; keep test output readable.
;(globalThis as { ASYNC_VALIDATOR_NO_WARNING?: number }).ASYNC_VALIDATOR_NO_WARNING = 1
