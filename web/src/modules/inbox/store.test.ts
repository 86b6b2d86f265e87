import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { POLL_INTERVAL_MS, usePolling } from './store'

let visibility: DocumentVisibilityState = 'visible'
function setVisibility(state: DocumentVisibilityState): void {
  visibility = state
  document.dispatchEvent(new Event('visibilitychange'))
}

function mountPoller(refresh: () => void, trigger = ref('/')) {
  const Poller = defineComponent({
    setup() {
      usePolling(refresh, { trigger })
      return () => h('div')
    },
  })
  return { wrapper: mount(Poller), trigger }
}

beforeEach(() => {
  vi.useFakeTimers()
  visibility = 'visible'
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility)
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('usePolling', () => {
  it('asks at once and then every minute', () => {
    const refresh = vi.fn()
    const { wrapper } = mountPoller(refresh)
    expect(refresh).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(POLL_INTERVAL_MS - 1)
    expect(refresh).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    expect(refresh).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(2 * POLL_INTERVAL_MS)
    expect(refresh).toHaveBeenCalledTimes(4)
    wrapper.unmount()
    vi.advanceTimersByTime(5 * POLL_INTERVAL_MS)
    expect(refresh).toHaveBeenCalledTimes(4)
  })

  it('pauses while the tab is hidden and asks again as soon as it is shown', () => {
    const refresh = vi.fn()
    const { wrapper } = mountPoller(refresh)
    setVisibility('hidden')
    vi.advanceTimersByTime(10 * POLL_INTERVAL_MS)
    expect(refresh).toHaveBeenCalledTimes(1)
    setVisibility('visible')
    expect(refresh).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(POLL_INTERVAL_MS)
    expect(refresh).toHaveBeenCalledTimes(3)
    wrapper.unmount()
  })

  it('asks again when the route changes', async () => {
    const refresh = vi.fn()
    const { wrapper, trigger } = mountPoller(refresh)
    trigger.value = '/inbox/todos'
    await nextTick()
    expect(refresh).toHaveBeenCalledTimes(2)
    setVisibility('hidden')
    trigger.value = '/rules'
    await nextTick()
    expect(refresh).toHaveBeenCalledTimes(2)
    wrapper.unmount()
  })
})
