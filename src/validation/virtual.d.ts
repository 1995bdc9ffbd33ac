/** The suite's results, computed at build time by validationPlugin.ts (`npm run validate --json`). */
declare module 'virtual:coldstart-validation' {
  const results: import('../engine/validation/runValidation.ts').ValidationResults;
  export default results;
}
