/** Vite's `?url` imports: the asset's URL in the built UI (the file is copied into the build). */
declare module '*.ttf?url' {
  const url: string;
  export default url;
}
