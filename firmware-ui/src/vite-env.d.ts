// CSS imports (a page's own styles, in its chunk) as Vite resolves them.
/// <reference types="vite/client" />
