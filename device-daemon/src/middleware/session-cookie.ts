// The one cookie we use, read and written by hand: a few lines instead of a
// general cookie library in a bundle that has to fit on flash.

export const SESSION_COOKIE = 'sid';

/** The session id from a Cookie header, if there is a well-formed one. */
export function readSessionCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === SESSION_COOKIE && value && /^[A-Za-z0-9_-]{1,64}$/.test(value)) return value;
  }
  return undefined;
}

/** Set-Cookie for a new session, or (id null) one that clears it. */
export function sessionCookie(id: string | null, secure: boolean): string {
  const attributes = `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  return id === null ? `${SESSION_COOKIE}=; Max-Age=0; ${attributes}` : `${SESSION_COOKIE}=${id}; ${attributes}`;
}
