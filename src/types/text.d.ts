/** Client templates (templates/clients/*.njk) are bundled as text: esbuild's text loader, a jest transform. */
declare module '*.njk' {
  const text: string;
  export default text;
}
