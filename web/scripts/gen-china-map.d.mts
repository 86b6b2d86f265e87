// Types of gen-china-map.mjs for vite.config.ts.
export declare const CHINA_MAP_OUTPUT: string
export declare function extractChinaMap(): { type: 'FeatureCollection'; features: unknown[] }
export declare function ensureChinaMap(options?: { force?: boolean }): boolean
