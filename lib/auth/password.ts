import bcrypt from "bcryptjs";

const COST = 10;
// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
const DUMMY_HASH = "$2b$10$.RPG55ERnArO66d0Gm.PIuDAxCy59zcCKHzWdXRBX5L1wTs0C7TD6";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return hash !== undefined && matches;
}
