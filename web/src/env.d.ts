/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** API base path; default `/api/v1` (same origin as the static files). */
  readonly VITE_API_BASE?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
