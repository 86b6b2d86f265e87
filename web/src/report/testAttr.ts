import type { Directive } from 'vue'

/**
 * `v-test="'description'"` puts `data-test` on the native input/textarea inside a Vant field (on the
 * element itself otherwise), so a browser test can fill the control it finds.
 */
export const vTest: Directive<HTMLElement, string> = {
  mounted(el, { value }) {
    const control = el.matches('input, textarea') ? el : el.querySelector('input, textarea')
    ;(control ?? el).setAttribute('data-test', value)
  },
}
