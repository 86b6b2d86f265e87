// The map made by scripts/gen-china-map.mjs (git-ignored): typed here so vue-tsc passes before it exists.
declare module '@/assets/maps/china.json' {
  const map: { type: 'FeatureCollection'; features: unknown[]; UTF8Encoding?: boolean }
  export default map
}
