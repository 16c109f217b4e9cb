import { z } from "zod";

/** Where the pseudonym key comes from (privacy.md: keyed, never a plain hash, never committed). */
export const privacyConfig = z
  .object({
    /** Environment variable holding the key (hex or any text); wins over the key file. */
    keyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an environment variable name (letters, digits, _)").default("CHURNWATCH_PSEUDONYM_KEY"),
    /** Key file, created owner-only with 32 random bytes on first use; relative to the warehouse folder. */
    keyFile: z.string().min(1).default("pseudonym.key"),
  })
  .strict()
  .prefault({});
