/** Where exports go when --out is not given (outputs.md). */
export const defaultOutDir = "out";
