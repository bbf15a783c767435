// A chunk's own styles, as a constructed sheet: they come with the code that needs them, and
// the CSP allows no inline <style> (CSSOM is not inline style).
export function adopt(css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
