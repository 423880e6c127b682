// Vite turns *.module.css into a map from class name to generated name.
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
